import { dossierSchema } from '../src-shared/domain/model';

/**
 * Deep links into the desk: `klikpay-disputes://dossier/KP-2026-000123` opens that dossier.
 *
 * A link reaches the main process from outside (an e-mail, a chat, another program), on Windows and
 * Linux as a command-line argument of a new process: it is hostile input. So the grammar is one
 * exact shape, checked on the raw text rather than through the URL parser (whose handling of
 * non-special schemes — opaque hosts, backslashes, percent-decoding, credentials — is a source of
 * disagreements between what we check and what we act on), and anything else is refused.
 */

export const deepLinkScheme = 'klikpay-disputes';
const prefix = `${deepLinkScheme}://`;

export type DeepLink = { kind: 'dossier'; reference: string };

/**
 * The longest link accepted: the prefix, `dossier/`, the longest reference (`KP-` + 4 + `-` + 12
 * digits, the bridge's bound) and a trailing slash — with room to spare, never megabytes of argv.
 */
export const maxDeepLinkLength = 64;
const maxReferenceDigits = 12;

/** The dossier reference of the domain (`KP-<year>-<number>`), bounded in length. */
function isReference(value: string): boolean {
  return (
    dossierSchema.shape.reference.safeParse(value).success &&
    value.length <= 'KP-0000-'.length + maxReferenceDigits
  );
}

/**
 * The link's meaning, or null. Decisions (each tested):
 * - the scheme is case-insensitive (RFC 3986: Windows may hand it over as typed); the host `dossier`
 *   and the reference are exact — `kp-2026-000123` or `DOSSIER` are refused, not normalised, as
 *   references are only ever written in capitals by the systems that make these links;
 * - one trailing slash is tolerated (some Windows launchers append it to custom-scheme URLs);
 * - no query, fragment, credentials, port, percent-encoding, backslash, whitespace or extra path
 *   segment: nothing the desk would ignore may ride along with a link it acts on.
 */
export function parseDeepLink(url: string): DeepLink | null {
  if (url.length > maxDeepLinkLength) return null;
  if (url.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const match = /^dossier\/([A-Z0-9-]+)\/?$/.exec(url.slice(prefix.length));
  const reference = match?.[1];
  if (reference === undefined || !isReference(reference)) return null;
  return { kind: 'dossier', reference };
}

/** The canonical link to a dossier (for notifications, "copy link"). */
export function dossierDeepLink(reference: string): string | null {
  return isReference(reference) ? `${prefix}dossier/${reference}` : null;
}

/**
 * The link in a process's argv (first launch, or the `second-instance` event on Windows and Linux),
 * or null. Chromium and Electron add their own switches there (`--allow-file-access-from-files`,
 * `--original-process-start-time=…`); the executable and, in development, the app path come first.
 * Those are skipped: only arguments that start with our scheme are candidates, and exactly one
 * candidate must exist and parse. Two candidates are refused outright rather than picking one: a
 * crafted link that smuggled a second argument (argv injection through a protocol handler) must
 * not open anything.
 */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  const candidates = argv.filter(
    (arg) => arg.slice(0, deepLinkScheme.length + 1).toLowerCase() === `${deepLinkScheme}:`,
  );
  if (candidates.length !== 1) return null;
  const [link] = candidates;
  return link !== undefined && parseDeepLink(link) ? link : null;
}
