import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The main process's log: JSON lines in `<userData>/logs/main.log`, rotated by size, so support can
 * ask an agent for one folder. It never throws — a log that cannot be written must not take the
 * app down — and it redacts secrets by field name, because main-process code handles sessions.
 *
 * Appends are synchronous, not queued: the lines are few (start, updates, sync errors) and small,
 * so the cost is microseconds on a process that draws no UI; in exchange the order is the call
 * order without a queue, rotation cannot race a pending write, and the line written just before a
 * crash or `app.exit()` is on disk — an asynchronous queue loses exactly that tail, the part of a
 * log that matters most. Opening the file per append also means no handle is held, so the rename
 * of rotation works on Windows too.
 */

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** The file written now (`<dir>/main.log`). */
  readonly file: string;
}

export interface LogOptions {
  dir: string;
  /** Rotate before a line would take `main.log` past this size. */
  maxBytes?: number;
  /**
   * Rotated files kept besides `main.log` (`main.1.log` newest … `main.<keep>.log` oldest), as
   * logrotate's `rotate N`: at most `keep + 1` files, `(keep + 1) × maxBytes` on disk.
   */
  keep?: number;
  now?: () => number;
  /** Where lines go when the file cannot take them (tests pass their own). */
  stderr?: (text: string) => void;
}

const redacted = '[redacted]';
/** Field names that carry secrets, at any depth: `token`, `accessToken`, `Authorization`, `password`… */
const secretKey = /token|password|passwd|secret|authorization|cookie|api[-_]?key/i;
const maxDepth = 8;
const maxMessageChars = 8_192;
/** A line above this (a huge payload logged by mistake) keeps its message and loses its fields. */
const maxLineBytes = 64 * 1_024;

/** A JSON-safe copy: secrets redacted, errors spelled out, cycles and depth cut, bigints as text. */
function sanitize(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= maxDepth) return '[too deep]';
  seen.add(value);
  try {
    if (value instanceof Error) {
      // Own fields too (`code`, `status`, `cause`…), through the same redaction.
      const own = sanitize(
        { ...Object.fromEntries(Object.entries(value)), cause: value.cause },
        seen,
        depth + 1,
      ) as Record<string, unknown>;
      return { name: value.name, message: value.message, stack: value.stack, ...own };
    }
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (Array.isArray(value)) return value.map((item: unknown) => sanitize(item, seen, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = secretKey.test(key) ? redacted : sanitize(item, seen, depth + 1);
    }
    return out;
  } catch {
    // A getter that throws, a proxy: the value is not worth a lost line.
    return '[unreadable]';
  } finally {
    seen.delete(value);
  }
}

/** The JSON line for an entry; never throws. */
export function formatLine(at: number, level: LogLevel, message: string, fields?: LogFields): string {
  const msg = message.length > maxMessageChars ? `${message.slice(0, maxMessageChars)}…` : message;
  const entry: Record<string, unknown> = { at: safeIso(at), level, msg };
  if (fields !== undefined) entry.fields = sanitize(fields, new WeakSet(), 0);
  let line = JSON.stringify(entry);
  if (Buffer.byteLength(line) > maxLineBytes) {
    line = JSON.stringify({ ...entry, fields: { truncated: true, bytes: Buffer.byteLength(line) } });
  }
  return `${line}\n`;
}

function safeIso(at: number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? String(at) : date.toISOString();
}

export function createLog(options: LogOptions): Log {
  const { dir } = options;
  const maxBytes = Math.max(1, options.maxBytes ?? 1_000_000);
  const keep = Math.max(0, Math.floor(options.keep ?? 5));
  const now = options.now ?? Date.now;
  const stderr =
    options.stderr ??
    ((text: string) => {
      process.stderr.write(text);
    });
  const file = join(dir, 'main.log');
  const rotated = (n: number) => join(dir, `main.${n}.log`);
  /** Bytes in `main.log`, known after the first successful stat or write; unknown after a failure. */
  let size: number | null = null;

  const currentSize = (): number => {
    if (size !== null) return size;
    mkdirSync(dir, { recursive: true });
    try {
      size = statSync(file).size;
    } catch {
      size = 0;
    }
    return size;
  };

  /** main.log → main.1.log → … → main.<keep>.log, the oldest dropped. */
  const rotate = () => {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(rotated(n), rotated(n + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    if (keep === 0) rmSync(file, { force: true });
    else renameSync(file, rotated(1));
    size = 0;
  };

  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    let line: string;
    try {
      line = formatLine(now(), level, message, fields);
    } catch {
      line = `${JSON.stringify({ at: safeIso(Date.now()), level, msg: message })}\n`;
    }
    try {
      const bytes = Buffer.byteLength(line);
      // A line larger than maxBytes still gets a file of its own rather than being dropped.
      if (currentSize() > 0 && currentSize() + bytes > maxBytes) rotate();
      appendFileSync(file, line, { encoding: 'utf8', mode: 0o600 });
      size = currentSize() + bytes;
    } catch (error) {
      size = null;
      try {
        stderr(`[log] cannot write ${file}: ${(error as Error).message}\n${line}`);
      } catch {
        // Nowhere left to report to.
      }
    }
  };

  return {
    file,
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
