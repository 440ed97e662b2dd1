/**
 * The back office's one clock: the computer's, corrected by the server's (measured at sign-in and
 * kept for offline starts), so deadlines, queues and optimistic actions agree with the server's
 * rules even when the computer's clock is off.
 */
let skewMs = 0;

export function setClockSkew(ms: number): void {
  skewMs = Number.isFinite(ms) ? ms : 0;
}

export const clockNow = (): number => Date.now() + skewMs;
