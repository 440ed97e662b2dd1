import { parentPort, workerData } from 'node:worker_threads';
import type { PreparedChunk } from './bulk';
import { prepareChunk } from './bulk';
import type { GenerateOptions, WorkloadPlan } from './generate';
import { planWorkload } from './generate';

/**
 * Generates a large workload on its own thread, a chunk ahead of the thread writing it, so that
 * playing 100,000 histories and writing them overlap. At most `ahead` chunks wait in memory.
 */

export type FromWorker =
  | { type: 'parties'; parties: Pick<WorkloadPlan, 'merchants' | 'customers' | 'spareTransactions'> }
  | { type: 'chunk'; chunk: PreparedChunk; dossiers: number; messages: number }
  | { type: 'done' };

export const chunkSize = 5_000;
const ahead = 2;

const port = parentPort;
if (!port) throw new Error('the seed worker runs in a worker thread');
const plan = planWorkload(workerData as GenerateOptions);
const send = (message: FromWorker) => port.postMessage(message);

send({
  type: 'parties',
  parties: {
    merchants: plan.merchants,
    customers: plan.customers,
    spareTransactions: plan.spareTransactions,
  },
});
let credits = ahead;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});
for (const c of plan.chunks(chunkSize)) {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  send({
    type: 'chunk',
    chunk: prepareChunk(c.transactions, c.dossiers),
    dossiers: c.dossiers.length,
    messages: c.dossiers.reduce((n, w) => n + w.messages.length, 0),
  });
}
send({ type: 'done' });
port.close();
