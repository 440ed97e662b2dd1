import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** The figures of a run in the shape of docs/targets.md, printed, written as JSON and drawn. */

export interface Figure {
  id: string;
  what: string;
  /** Null when it could not be taken in this run (said in `note`). */
  value: number | null;
  unit: string;
  baseline: number | null;
  /** value ÷ baseline, when both exist. */
  ratio: number | null;
  /** The target, in `unit` (or as a ratio when `targetIsRatio`). */
  target: number;
  targetIsRatio?: boolean;
  /** Whether lower is better (times, memory) or higher (throughput). */
  better: 'lower' | 'higher';
  met: boolean | null;
  note?: string;
  /** Where the figure comes from: the median of each case (queue, search term), slowest first. */
  breakdown?: Record<string, number>;
}

export function figure(f: Omit<Figure, 'ratio' | 'met'>): Figure {
  const ratio = f.value !== null && f.baseline !== null && f.baseline > 0 ? f.value / f.baseline : null;
  const measured = f.targetIsRatio ? ratio : f.value;
  const met = measured === null ? null : f.better === 'lower' ? measured <= f.target : measured >= f.target;
  return { ...f, ratio, met };
}

export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
};

export interface Run {
  workload: { dossiers: number; messages: number; changes: number };
  machine: { cpus: number; model: string; memoryGb: number; node: string; chromium: string };
  startedAt: string;
  seed: { reused: boolean; seedMs: number | null };
  figures: Figure[];
}

export const machine = (chromium: string): Run['machine'] => ({
  cpus: cpus().length,
  model: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  chromium,
});

const round = (n: number | null, digits = 1): string =>
  n === null ? '—' : n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(digits);

export function table(run: Run): string {
  const rows = run.figures.map((f) => [
    f.id,
    f.what,
    `${round(f.value)} ${f.unit}`,
    f.baseline === null ? '—' : `${round(f.baseline)} ${f.unit}`,
    f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`,
    `${f.better === 'lower' ? '≤' : '≥'} ${f.target}${f.targetIsRatio ? '×' : ` ${f.unit}`}`,
    f.met === null ? 'n/a' : f.met ? 'met' : 'NOT MET',
  ]);
  const head = ['id', 'what', 'value', 'baseline', 'ratio', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const notes = run.figures.filter((f) => f.note).map((f) => `  ${f.id}: ${f.note ?? ''}`);
  const breakdowns = run.figures
    .filter((f) => f.breakdown)
    .map(
      (f) =>
        `  ${f.id}: ${Object.entries(f.breakdown ?? {})
          .map(([name, ms]) => `${name} ${ms}`)
          .join(', ')} (${f.unit}, median each)`,
    );
  return [
    `Workload: ${run.workload.dossiers.toLocaleString('en')} dossiers, ${run.workload.messages.toLocaleString('en')} messages, ${run.workload.changes.toLocaleString('en')} changes in the feed`,
    `Machine: ${run.machine.cpus} × ${run.machine.model}, ${run.machine.memoryGb} GB, Node ${run.machine.node}, Chromium ${run.machine.chromium}`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(notes.length > 0 ? ['', 'Notes:', ...notes] : []),
    ...(breakdowns.length > 0 ? ['', 'Slowest cases first:', ...breakdowns] : []),
  ].join('\n');
}

/** Each figure as a bar against its target (100 % = the target), in one self-contained HTML page. */
function chart(run: Run): string {
  const height = 28;
  const bars = run.figures.map((f, i) => {
    const measured = f.targetIsRatio ? f.ratio : f.value;
    const share =
      measured === null
        ? 0
        : f.better === 'lower'
          ? measured / f.target
          : f.target / Math.max(measured, 1e-9);
    const width = Math.min(2, share) * 200;
    const colour = f.met === null ? '#999' : f.met ? '#2e7d32' : '#c62828';
    const y = i * height;
    const label = `${f.id} ${f.what}`.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return `<text x="0" y="${y + 18}" font-size="12">${label}</text>
<rect x="330" y="${y + 6}" width="${width.toFixed(1)}" height="16" fill="${colour}"><title>${round(measured, 2)} vs target ${f.target}</title></rect>`;
  });
  const svgHeight = run.figures.length * height + 10;
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Klik &amp; Pay Dispute Desk — benchmark</title>
<body style="font-family: system-ui, sans-serif; margin: 2rem">
<h1>Benchmark, ${run.startedAt}</h1>
<p>${run.workload.dossiers.toLocaleString('en')} dossiers. Each bar is the figure against its target: the line at 100 % is the target; shorter is better (green: met, red: not met, grey: not measured).</p>
<svg width="760" height="${svgHeight}" role="img" aria-label="Figures against their targets">
<line x1="530" y1="0" x2="530" y2="${svgHeight}" stroke="#333" stroke-dasharray="4 3"/>
${bars.join('\n')}
</svg>
<pre>${table(run).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>
</body></html>`;
}

/** `latest.json` and `report.html`, or `<name>.json` and `<name>.html` for another benchmark. */
export function write(run: Run, dir: string, name?: string): { json: string; html: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, name ? `${name}.json` : 'latest.json');
  const html = join(dir, name ? `${name}.html` : 'report.html');
  writeFileSync(json, `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(html, chart(run));
  return { json, html };
}
