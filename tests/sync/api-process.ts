import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The API as its own process (`src-server/cli.ts`), the way it runs in production: started, killed
 * with SIGKILL at any moment, restarted on the same data. The test waits for what the process says,
 * never for a fixed time.
 */
export class ApiProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<Exit> = Promise.resolve({ code: null, signal: null });
  /** The API's origin while it runs (a new port after every start). */
  url = '';
  /** How many times the process was started. */
  starts = 0;

  constructor(
    /** Where the data lives: `['--data', dir]` or `['--database-url', url]`. */
    private readonly storage: readonly string[],
    private readonly env: Record<string, string>,
  ) {}

  /** Starts the API (seeding the demo data on the first start) and resolves once it listens. */
  async start(): Promise<string> {
    if (this.child) throw new Error('the API is already running');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-server/cli.ts',
        '--port',
        '0',
        '--seed',
        'demo',
        '--log-level',
        'info',
        ...this.storage,
      ],
      {
        cwd: process.cwd(),
        env: this.environment(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.starts++;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const output: string[] = [];
    const lines = createInterface({ input: child.stdout });
    const ready = new Promise<string>((resolve, reject) => {
      lines.on('line', (line) => {
        output.push(line);
        const url = /dispute API on (http:\/\/[^/\s]+)\/api\/v1/.exec(line)?.[1];
        if (url) resolve(url);
      });
      void this.exited.then(({ code }) =>
        reject(
          new Error(
            `the API exited (${String(code)}) before listening (start ${this.starts}):\n${output.join('\n')}\n${stderr}`,
          ),
        ),
      );
    });
    this.url = await ready;
    return this.url;
  }

  /** The test's environment without its database settings (the storage arguments say where), plus `env`. */
  private environment(): NodeJS.ProcessEnv {
    const { KLIKPAY_DATABASE_URL: _url, ...env } = process.env;
    return { ...env, ...this.env };
  }

  /**
   * kill -9: no shutdown hook, no flush, whatever was in flight is cut. Answers which process it
   * killed and how it ended (null when none was running).
   */
  async kill(): Promise<{ pid: number; signal: NodeJS.Signals | null } | null> {
    const child = this.child;
    if (!child) return null;
    const pid = child.pid ?? -1;
    child.kill('SIGKILL');
    const { signal } = await this.exited;
    this.child = null;
    return { pid, signal };
  }

  /** A clean stop (SIGTERM: the API closes its database). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const { code } = await this.exited;
    this.child = null;
    if (code !== 0) throw new Error(`the API stopped with code ${String(code)}`);
  }

  get running(): boolean {
    return this.child !== null;
  }
}
