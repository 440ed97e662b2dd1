import { sessionHours } from '../services/auth';

/**
 * The portal's session cookie (customers and merchants in a browser): the session token where no
 * script can read it. `__Host-` makes the browser refuse it unless Secure, Path=/ and without
 * Domain, so no sibling subdomain can set or shadow it.
 */

export const sessionCookieName = '__Host-klikpay_session';

/** The shape of the tokens `newToken` makes (32 bytes in base64url); nothing else is looked up. */
const tokenValue = /^[A-Za-z0-9_-]{43}$/;

const attributes = 'HttpOnly; Secure; SameSite=Strict; Path=/';

export const sessionCookie = (token: string): string =>
  `${sessionCookieName}=${token}; ${attributes}; Max-Age=${sessionHours * 3600}`;

export const clearedSessionCookie = `${sessionCookieName}=; ${attributes}; Max-Age=0`;

/**
 * The session token from a `Cookie` header, or null. Other cookies of the host are none of our
 * business and are skipped whatever their form; ours must be exactly one well-formed token, since
 * two of them would leave us guessing which the browser meant.
 */
export function sessionCookieToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  let found: string | null = null;
  let seen = 0;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== sessionCookieName) continue;
    seen += 1;
    const value = pair.slice(at + 1).trim();
    found = tokenValue.test(value) ? value : null;
  }
  return seen === 1 ? found : null;
}
