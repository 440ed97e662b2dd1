import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Api } from './api';
import { call, signIn } from './api';
import type { Figure, Run } from './report';
import { figure, machine, percentile, table, write } from './report';

/**
 * `npm run bench:scale`: docs/targets.md's scale-out — two API instances in processes of their own
 * on one PostgreSQL (`DATABASE_URL`, on which a throwaway database is made and dropped), and 50 then
 * 200 simulated agents spread over them, each pushing a few notes, pulling everything new from its
 * cursor and thinking a moment, for a bounded time on loopback. Reports pull and push throughput,
 * their p99 latencies, errors, and the instances' memory before and after.
 */

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '10000' },
    agents: { type: 'string', default: '50,200' },
    seconds: { type: 'string', default: '30' },
    'think-ms': { type: 'string', default: '200' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const dossiers = Number(values.dossiers);
const levels = values.agents.split(',').map(Number);
const seconds = Number(values.seconds);
const thinkMs = Number(values['think-ms']);
if (!Number.isInteger(dossiers) || dossiers < 100) throw new Error('--dossiers must be a whole number ≥ 100');
if (levels.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error('--agents: whole numbers, e.g. 50,200');
if (!(seconds > 0) || !(thinkMs >= 0)) throw new Error('--seconds > 0 and --think-ms ≥ 0');

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error(
    'npm run bench:scale needs DATABASE_URL: a PostgreSQL on which it may create (and drop) a database.',
  );
  process.exit(2);
}

interface Instance {
  url: string;
  process: ChildProcess;
}

/** Starts `bench/instance.ts` and waits for its `READY <url>` (seeding first, when asked). */
function startInstance(databaseUrl: string, seed?: number): Promise<Instance> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/instance.ts', databaseUrl, ...(seed ? [String(seed)] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve({ url: line.slice('READY '.length).trim(), process: child });
    });
    child.once('exit', (code) => reject(new Error(`an API instance ended before it served (${code})`)));
  });
}

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

interface Tally {
  pullMs: number[];
  pushMs: number[];
  changes: number;
  applied: number;
  errors: number;
  firstError: string | null;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One simulated agent: push a few notes, pull what is new, think; until `endAt`. */
async function agent(
  n: number,
  api: Api,
  dossierIds: readonly string[],
  cursor: string,
  endAt: number,
  tally: Tally,
): Promise<void> {
  const clientId = `scale-${n}-${Date.now()}`;
  let at = cursor;
  const failed = (error: unknown) => {
    tally.errors++;
    tally.firstError ??= error instanceof Error ? error.message : String(error);
  };
  for (let round = 0; Date.now() < endAt; round++) {
    const mutations = Array.from({ length: 1 + ((n + round) % 5) }, (_, i) => ({
      id: crypto.randomUUID(),
      name: 'dossier.note',
      args: {
        dossierId: dossierIds[(n * 7919 + round * 31 + i) % dossierIds.length],
        body: `Scale note ${n}.${round}.${i}`,
      },
    }));
    try {
      const started = performance.now();
      const res = await call<{ results: { status: string }[] }>(api, 'POST', '/sync/push', {
        clientId,
        mutations,
      });
      tally.pushMs.push(performance.now() - started);
      tally.applied += res.results.filter((r) => r.status === 'applied').length;
    } catch (error) {
      failed(error);
    }
    for (let more = true; more && Date.now() < endAt;) {
      try {
        const started = performance.now();
        const page = await call<{ changes: unknown[]; cursor: string; hasMore: boolean }>(
          api,
          'GET',
          `/sync/pull?limit=1000&cursor=${encodeURIComponent(at)}`,
        );
        tally.pullMs.push(performance.now() - started);
        tally.changes += page.changes.length;
        at = page.cursor;
        more = page.hasMore;
      } catch (error) {
        failed(error);
        more = false;
      }
    }
    await sleep(thinkMs * (0.5 + Math.random()));
  }
}

async function main(url: string): Promise<void> {
  const name = `klikpay_bench_scale_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  const instances: Instance[] = [];
  try {
    console.log(`Seeding ${dossiers.toLocaleString('en')} dossiers into PostgreSQL (${name})…`);
    const seedStarted = performance.now();
    instances.push(await startInstance(databaseUrl.toString(), dossiers));
    const seedMs = performance.now() - seedStarted;
    instances.push(await startInstance(databaseUrl.toString()));
    const [a, b] = instances;
    if (!a || !b) throw new Error('two instances expected');

    const db = new pg.Client({ connectionString: databaseUrl.toString() });
    await db.connect();
    const open = await db.query<{ id: string }>(
      "select id from dossiers where status <> 'closed' order by id limit 2000",
    );
    const dossierIds = open.rows.map((r) => r.id);
    const counts = await db.query<{ messages: string; changes: string }>(
      'select (select count(*) from messages)::text as messages, (select count(*) from changes)::text as changes',
    );
    const staff = ['agent@klikpay.test', 'agent2@klikpay.test', 'supervisor@klikpay.test'];
    // Sessions on one instance serve on the other: they live in the database.
    const tokens = await Promise.all(staff.map((email) => signIn(a.url, email, 'demo')));

    const figures: Figure[] = [];
    const memoryBefore = instances.map((i) => rssMb(i.process.pid));
    for (const level of levels) {
      const end = await db.query<{ seq: string }>('select coalesce(max(seq), 0)::text as seq from changes');
      const cursor = `c1.${BigInt(end.rows[0]?.seq ?? '0').toString(36)}`;
      const tally: Tally = { pullMs: [], pushMs: [], changes: 0, applied: 0, errors: 0, firstError: null };
      console.log(`${level} agents for ${seconds} s…`);
      const started = performance.now();
      const endAt = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: level }, (_, n) => {
          const token = tokens[n % tokens.length];
          if (!token) throw new Error('no token');
          // Round-robin over the two instances, as a load balancer would.
          const base = (n % 2 === 0 ? a : b).url;
          return agent(n, { ...token, base }, dossierIds, cursor, endAt, tally);
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      const note = `${level} agents on 2 instances, think ${thinkMs} ms, ${seconds} s; ${tally.errors} errors${tally.firstError ? ` (first: ${tally.firstError})` : ''}`;
      figures.push(
        figure({
          id: `S${level}.pull`,
          what: `pull, ${level} agents`,
          value: tally.changes / elapsed,
          unit: 'changes/s',
          baseline: null,
          target: 50_000,
          better: 'higher',
          note,
        }),
        figure({
          id: `S${level}.push`,
          what: `push, ${level} agents`,
          value: tally.applied / elapsed,
          unit: 'mutations/s',
          baseline: null,
          target: 2_000,
          better: 'higher',
        }),
        figure({
          id: `S${level}.pull.p99`,
          what: `pull page latency, ${level} agents, p99`,
          value: percentile(tally.pullMs, 99),
          unit: 'ms',
          baseline: percentile(tally.pullMs, 50),
          target: 1_000,
          better: 'lower',
          note: 'baseline: the median of the same run',
        }),
        figure({
          id: `S${level}.push.p99`,
          what: `push latency, ${level} agents, p99`,
          value: percentile(tally.pushMs, 99),
          unit: 'ms',
          baseline: percentile(tally.pushMs, 50),
          target: 1_000,
          better: 'lower',
          note: 'baseline: the median of the same run',
        }),
        figure({
          id: `S${level}.errors`,
          what: `failed requests, ${level} agents`,
          value: tally.errors,
          unit: 'requests',
          baseline: null,
          target: 0,
          better: 'lower',
        }),
      );
    }
    const memoryAfter = instances.map((i) => rssMb(i.process.pid));
    figures.push(
      figure({
        id: 'S.memory',
        what: 'API instances’ memory after the load (each, the larger)',
        value: Math.max(...memoryAfter.map((m) => m ?? 0)),
        unit: 'MB',
        baseline: Math.max(...memoryBefore.map((m) => m ?? 0)),
        target: 1.5,
        targetIsRatio: true,
        better: 'lower',
        note: 'baseline: the same before the load',
      }),
    );
    await db.end();
    const run: Run = {
      workload: {
        dossiers,
        messages: Number(counts.rows[0]?.messages ?? 0),
        changes: Number(counts.rows[0]?.changes ?? 0),
      },
      machine: machine('not used'),
      startedAt: new Date().toISOString(),
      seed: { reused: false, seedMs },
      figures,
    };
    console.log(`\n${table(run)}`);
    const files = write(run, values.out, 'scale');
    console.log(`\nWritten: ${files.json}, ${files.html}`);
  } finally {
    for (const i of instances) i.process.kill('SIGTERM');
    await Promise.all(
      instances.map(
        (i) =>
          new Promise((done) => (i.process.exitCode !== null ? done(null) : i.process.once('exit', done))),
      ),
    );
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main(adminUrl);
