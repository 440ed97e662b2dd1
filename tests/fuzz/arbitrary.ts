import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Inputs for the fuzz suites, from the contract's own zod schemas: values shaped as a schema says
 * (most of them valid, some not: refinements and formats are only approximated), and hostile values
 * that no schema should let through — half characters, controls, injections, absurd sizes.
 */

/** Text a person should never get stored: each kind of character the shared text schema refuses, and worse. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'x\ud800',
    '\udc00 début',
    '😀'.slice(0, 1),
    `${'é'.repeat(30)}\ud83d`,
    'a\u0000b',
    'bell\u0007',
    'esc\u001b[31m',
    'c1 \u0085 \u009f',
    'non \ufffe char',
    '\ufdd0',
    '\u{1fffe}',
    '\u202e\u0301 rtl',
    '\u200b',
    "'; drop table dossiers; --",
    '<img src=x onerror=alert(1)>',
    '../../etc/passwd',
    '%00%2e%2e%2f',
    '{"$ne":null}',
    '${7*7}{{7*7}}',
    ' ',
    '',
    'a'.repeat(20_001),
    '💥'.repeat(6_000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
);

/** Any JSON value, with the hostile texts among its strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1.5,
    2 ** 53,
    -(2 ** 63),
    1e308,
    [],
    {},
    [[[[[[[[[[]]]]]]]]]],
    Array.from({ length: 600 }, (_, i) => i),
  ),
);

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  valueType?: z.ZodType;
  in?: z.ZodType;
  format?: string;
  pattern?: RegExp;
  catchall?: z.ZodType;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Values shaped by `schema`: the right types, enum members, lengths and formats, so most of them
 * pass; `custom` refinements are not known here, so some do not (the server must say why). `hints`
 * gives values for named fields (real ids of the test world), used half of the time.
 */
export function shaped(
  schema: z.ZodType,
  hints: Record<string, readonly unknown[]> = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  if (depth > 6) return fc.constant(null);
  const checks = (d.checks ?? []).map((c) => c._zod.def);
  switch (d.type) {
    case 'object': {
      const shape = d.shape ?? {};
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        const generated = shaped(field, hints, depth + 1);
        const hint = hints[key];
        fields[key] = hint && hint.length > 0 ? fc.oneof(fc.constantFrom(...hint), generated) : generated;
        const t = defOf(field).type;
        if (t !== 'optional' && t !== 'default') required.push(key);
      }
      return fc.record(fields, { requiredKeys: required });
    }
    case 'string':
      return stringFor(d, checks);
    case 'number':
      return numberFor(checks);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? { x: 'x' }));
    case 'literal':
      return fc.constantFrom(...(d.values ?? [null]));
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 5;
      return fc.array(shaped(d.element as z.ZodType, hints, depth + 1), {
        minLength: min,
        maxLength: Math.min(max, min + 4),
      });
    }
    case 'optional':
    case 'default':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return shaped(d.innerType as z.ZodType, hints, depth + 1);
    case 'nullable':
      return fc.oneof(fc.constant(null), shaped(d.innerType as z.ZodType, hints, depth + 1));
    case 'union':
      return fc.oneof(...(d.options ?? []).map((o) => shaped(o, hints, depth + 1)));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), shaped(d.valueType as z.ZodType, hints, depth + 1), {
        maxKeys: 3,
      });
    case 'pipe':
      return shaped(d.in as z.ZodType, hints, depth + 1);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(d: Def, checks: CheckDef[]): fc.Arbitrary<string> {
  const format = d.format ?? checks.find((c) => c.check === 'string_format')?.format;
  const pattern = d.pattern ?? checks.find((c) => c.format === 'regex')?.pattern;
  if (format === 'email') return fc.emailAddress().filter((e) => e.length <= 254);
  if (format === 'datetime')
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
      .map((x) => x.toISOString());
  if (format === 'base64') return fc.base64String({ maxLength: 64 });
  if (format === 'regex' && pattern) return fc.stringMatching(pattern).filter((s) => s.length <= 200);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 60;
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 60) }) },
    { weight: 1, arbitrary: fc.constantFrom('Colis jamais arrivé.', 'Refund pending since 14 July', 'ok') },
  );
}

function numberFor(checks: CheckDef[]): fc.Arbitrary<number> {
  const low = checks.find((c) => c.check === 'greater_than')?.value ?? 0;
  const high = checks.find((c) => c.check === 'less_than')?.value ?? 10_000;
  const integer = checks.some((c) => c.format === 'safeint' || c.format === 'int32');
  return integer
    ? fc.integer({ min: Math.ceil(low), max: Math.floor(Math.min(high, 2 ** 31)) })
    : fc.double({ min: low, max: Math.min(high, 1e9), noNaN: true });
}

/** A valid-looking object with one thing wrong: a field replaced, removed, or one added. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return valid.chain((value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return fc.oneof(fc.constant(value), hostileValue);
    const keys = Object.keys(value);
    const record = value as Record<string, unknown>;
    const options: fc.Arbitrary<unknown>[] = [
      fc
        .record({ key: fc.string({ minLength: 1, maxLength: 12 }), v: hostileValue })
        .map(({ key, v }) => ({ ...record, [key]: v })),
      hostileValue,
    ];
    if (keys.length > 0) {
      options.push(
        fc
          .record({ key: fc.constantFrom(...keys), v: hostileValue })
          .map(({ key, v }) => ({ ...record, [key]: v })),
        fc
          .record({ key: fc.constantFrom(...keys), v: hostileText })
          .map(({ key, v }) => ({ ...record, [key]: v })),
        fc
          .constantFrom(...keys)
          .map((key) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key))),
      );
    }
    return fc.oneof(...options);
  });
}

/** Valid, mutated and hostile inputs for one schema, in that proportion. */
export const inputsFor = (
  schema: z.ZodType,
  hints: Record<string, readonly unknown[]> = {},
): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: shaped(schema, hints) },
    { weight: 3, arbitrary: mutated(shaped(schema, hints)) },
    { weight: 1, arbitrary: hostileValue },
  );

/** Runs per property: a quick pass in `npm test`, a long one with `npm run fuzz`. */
export const fuzzRuns = (quick: number): number => Number(process.env.KLIKPAY_FUZZ_RUNS ?? quick);
