import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { electronEnv, findElectron } from './electron-binary';

/**
 * `npm start` (after `electron-vite build`): the API on the embedded database with the demo data
 * and the browser host, then the desktop app pointed at it. Where Electron cannot start (no
 * binary, as on our CI machines), one line says so and the back office is served to the browser.
 * Arguments go to the server (`npm start -- --port 4020`).
 */

const root = resolve(import.meta.dirname, '..');
const server = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'src-server/cli.ts',
    '--seed',
    'demo',
    '--web',
    '--log-level',
    'warn',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);

let desktopStarted = false;
server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  const url = /Klik & Pay Dispute Desk: open (https?:\/\/[^\s/]+)\//.exec(chunk.toString())?.[1];
  if (url && !desktopStarted) {
    desktopStarted = true;
    openDesktop(url);
  }
});
server.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.kill(signal));

function openDesktop(url: string): void {
  const electron = findElectron(root);
  if ('skip' in electron) {
    process.stdout.write(
      `  Desktop app not started: ${electron.skip.split(';')[0] ?? ''}. Use the browser at ${url}/\n\n`,
    );
    return;
  }
  const app = spawn(electron.executable, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: electronEnv({ KLIKPAY_SERVER_URL: url }),
  });
  app.on('error', (error) => {
    process.stdout.write(`  Desktop app not started (${error.message}). Use the browser at ${url}/\n\n`);
  });
  // Quitting the desktop app ends the demo; the API goes with it.
  app.on('exit', (code) => {
    if (code === 0) server.kill('SIGTERM');
  });
}
