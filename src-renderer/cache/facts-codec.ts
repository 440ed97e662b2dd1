import type { DeadlineEpisode, DossierFacts } from '../../src-shared/domain/stats-facts';

/**
 * The dashboard's facts in blocks of columns, for the first look after a reload (cache/facts-snapshot.ts).
 *
 * 100,000 facts read as 100,000 IndexedDB records take seconds in Chromium (each record is looked up,
 * sent across and deserialised on its own, every property of every episode one by one); the same
 * facts as ten blocks of typed arrays and one string table are read in well under a tenth of that,
 * and decoded into plain facts in one pass. Instants are kept as float64 (epoch milliseconds), null as
 * NaN; strings (ids, names, the vocabulary) as indexes into the block's table, null as -1.
 */

/** Bumped when the layout changes: blocks of another codec are not read (the facts are read one by one). */
export const factsCodec = 1;

export interface FactsBlock {
  /** The block's place in the snapshot (its key). */
  n: number;
  codec: number;
  /** The facts' ids, joined by a line break (ids never hold one). */
  ids: string;
  strings: string[];
  /** Per fact: version, createdAt, closedAt, dueAt, firstReplyAt, escalations. */
  numbers: Float64Array;
  /** Per fact: the ten string fields of `stringFields`, then escalated (0 or 1). */
  codes: Int32Array;
  /** Per fact: how many episodes, reminders and merchant answers. */
  lengths: Int32Array;
  /** Per episode: start, due, end. */
  episodeTimes: Float64Array;
  /** Per episode: party, assignee (-1 null, -2 not said). */
  episodeCodes: Int32Array;
  reminders: Float64Array;
  /** Per answer: at, since. */
  answers: Float64Array;
}

const numbersPer = 6;
const codesPer = 11;
const lengthsPer = 3;
const absent = -2;

/** Every field of a fact the codec carries: a test holds it to the schema's, so none is ever dropped. */
export const codedFields = [
  'id',
  'version',
  'createdAt',
  'closedAt',
  'dueAt',
  'firstReplyAt',
  'escalations',
  'status',
  'subject',
  'assigneeId',
  'merchantId',
  'merchantName',
  'closureReason',
  'closureOutcome',
  'closedBy',
  'merchantStage',
  'firstReplyBy',
  'escalated',
  'reminders',
  'episodes',
  'merchantAnswers',
] as const satisfies readonly (keyof DossierFacts)[];

export function encodeFacts(facts: readonly DossierFacts[], n: number): FactsBlock {
  const table = new Map<string, number>();
  const strings: string[] = [];
  const code = (s: string | null | undefined): number => {
    if (s === undefined) return absent;
    if (s === null) return -1;
    let k = table.get(s);
    if (k === undefined) {
      k = strings.length;
      strings.push(s);
      table.set(s, k);
    }
    return k;
  };
  const numbers = new Float64Array(facts.length * numbersPer);
  const codes = new Int32Array(facts.length * codesPer);
  const lengths = new Int32Array(facts.length * lengthsPer);
  const episodeTimes: number[] = [];
  const episodeCodes: number[] = [];
  const reminders: number[] = [];
  const answers: number[] = [];
  const orNaN = (v: number | null) => (v === null ? NaN : v);
  facts.forEach((f, i) => {
    numbers.set(
      [f.version, f.createdAt, orNaN(f.closedAt), orNaN(f.dueAt), orNaN(f.firstReplyAt), f.escalations],
      i * numbersPer,
    );
    codes.set(
      [
        code(f.status),
        code(f.subject),
        code(f.assigneeId),
        code(f.merchantId),
        code(f.merchantName),
        code(f.closureReason),
        code(f.closureOutcome),
        code(f.closedBy),
        code(f.merchantStage),
        code(f.firstReplyBy),
        f.escalated ? 1 : 0,
      ],
      i * codesPer,
    );
    lengths.set([f.episodes.length, f.reminders.length, f.merchantAnswers.length], i * lengthsPer);
    for (const e of f.episodes) {
      episodeTimes.push(e.start, e.due, orNaN(e.end));
      episodeCodes.push(code(e.party), code(e.assigneeId));
    }
    reminders.push(...f.reminders);
    for (const a of f.merchantAnswers) answers.push(a.at, a.since);
  });
  return {
    n,
    codec: factsCodec,
    ids: facts.map((f) => f.id).join('\n'),
    strings,
    numbers,
    codes,
    lengths,
    episodeTimes: Float64Array.from(episodeTimes),
    episodeCodes: Int32Array.from(episodeCodes),
    reminders: Float64Array.from(reminders),
    answers: Float64Array.from(answers),
  };
}

/**
 * One empty list for every fact without reminders, answers or episodes: most of 100,000 facts have
 * none, and each allocation would outlive the decode (the facts stay in memory). Frozen, so a
 * writer would fail loudly instead of changing every fact at once.
 */
const none: never[] = Object.freeze([]) as never[];

/**
 * The block's facts, in its order. The string fields are given back as the schema types them: the
 * block was encoded from checked facts, and a damaged block fails `isFactsBlock` before it is read.
 */
export function decodeFacts(block: FactsBlock, into: (f: DossierFacts) => void): void {
  const { strings, numbers, codes, lengths, episodeTimes, episodeCodes, reminders, answers } = block;
  const ids = block.ids === '' ? [] : block.ids.split('\n');
  const str = (k: number | undefined): string | null =>
    k === undefined || k < 0 ? null : (strings[k] ?? null);
  const num = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);
  // The vocabulary fields hold what encodeFacts was given: the schema's values.
  const as = <T>(s: string | null) => s as T;
  let e = 0;
  let r = 0;
  let a = 0;
  for (let i = 0; i < ids.length; i++) {
    const nb = i * numbersPer;
    const cb = i * codesPer;
    const lb = i * lengthsPer;
    const episodes: DeadlineEpisode[] = lengths[lb] ? new Array<DeadlineEpisode>(lengths[lb] ?? 0) : none;
    for (let j = 0; j < episodes.length; j++, e++) {
      const assignee = episodeCodes[e * 2 + 1] ?? absent;
      const episode: DeadlineEpisode = {
        party: as<DeadlineEpisode['party']>(str(episodeCodes[e * 2])),
        start: episodeTimes[e * 3] ?? 0,
        due: episodeTimes[e * 3 + 1] ?? 0,
        end: num(episodeTimes[e * 3 + 2]),
      };
      if (assignee !== absent) episode.assigneeId = str(assignee);
      episodes[j] = episode;
    }
    const reminded = lengths[lb + 1] ? new Array<number>(lengths[lb + 1] ?? 0) : none;
    for (let j = 0; j < reminded.length; j++) reminded[j] = reminders[r++] ?? 0;
    const answered = lengths[lb + 2]
      ? new Array<DossierFacts['merchantAnswers'][number]>(lengths[lb + 2] ?? 0)
      : none;
    for (let j = 0; j < answered.length; j++, a++)
      answered[j] = { at: answers[a * 2] ?? 0, since: answers[a * 2 + 1] ?? 0 };
    into({
      id: ids[i] ?? '',
      version: numbers[nb] ?? 0,
      status: as<DossierFacts['status']>(str(codes[cb])),
      subject: as<DossierFacts['subject']>(str(codes[cb + 1])),
      assigneeId: str(codes[cb + 2]),
      merchantId: str(codes[cb + 3]) ?? '',
      merchantName: str(codes[cb + 4]) ?? '',
      createdAt: numbers[nb + 1] ?? 0,
      closedAt: num(numbers[nb + 2]),
      closureReason: as<DossierFacts['closureReason']>(str(codes[cb + 5])),
      closureOutcome: as<DossierFacts['closureOutcome']>(str(codes[cb + 6])),
      closedBy: str(codes[cb + 7]),
      dueAt: num(numbers[nb + 3]),
      merchantStage: as<DossierFacts['merchantStage']>(str(codes[cb + 8])),
      escalated: codes[cb + 10] === 1,
      escalations: numbers[nb + 5] ?? 0,
      firstReplyAt: num(numbers[nb + 4]),
      firstReplyBy: str(codes[cb + 9]),
      reminders: reminded,
      episodes,
      merchantAnswers: answered,
    });
  }
}

/**
 * A stored block as this codec wrote it: the right version, and columns as long as its facts need
 * (a block cut short or from another layout is not read; the facts are then read one by one).
 */
export function isFactsBlock(value: unknown): value is FactsBlock {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Partial<FactsBlock>;
  if (b.codec !== factsCodec || typeof b.n !== 'number' || typeof b.ids !== 'string') return false;
  if (!Array.isArray(b.strings) || !b.strings.every((s) => typeof s === 'string')) return false;
  const { numbers, codes, lengths, episodeTimes, episodeCodes, reminders, answers } = b;
  if (
    !(numbers instanceof Float64Array) ||
    !(codes instanceof Int32Array) ||
    !(lengths instanceof Int32Array) ||
    !(episodeTimes instanceof Float64Array) ||
    !(episodeCodes instanceof Int32Array) ||
    !(reminders instanceof Float64Array) ||
    !(answers instanceof Float64Array)
  )
    return false;
  const count = b.ids === '' ? 0 : b.ids.split('\n').length;
  if (numbers.length !== count * numbersPer || codes.length !== count * codesPer) return false;
  if (lengths.length !== count * lengthsPer) return false;
  let episodes = 0;
  let reminded = 0;
  let answered = 0;
  for (let i = 0; i < count; i++) {
    episodes += lengths[i * lengthsPer] ?? 0;
    reminded += lengths[i * lengthsPer + 1] ?? 0;
    answered += lengths[i * lengthsPer + 2] ?? 0;
  }
  if (episodeTimes.length !== episodes * 3 || episodeCodes.length !== episodes * 2) return false;
  if (reminders.length !== reminded || answers.length !== answered * 2) return false;
  // Plain loops: a block has a hundred thousand codes, checked at every first look.
  const top = b.strings.length;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] ?? -1;
    if (i % codesPer === codesPer - 1 ? c !== 0 && c !== 1 : c < -1 || c >= top) return false;
  }
  // An episode's party is always said; its assignee may be null (-1) or not said (-2).
  for (let i = 0; i < episodeCodes.length; i++) {
    const c = episodeCodes[i] ?? -1;
    if (c < (i % 2 === 0 ? 0 : absent) || c >= top) return false;
  }
  return true;
}
