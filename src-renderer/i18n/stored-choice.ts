/**
 * A small choice of the agent kept on this device (language, theme). localStorage may be missing
 * or refuse writes (private windows, full quota): the choice then lasts for the session only.
 */
export function readChoice<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const stored = globalThis.localStorage.getItem(key);
    return allowed.find((value) => value === stored) ?? fallback;
  } catch {
    return fallback;
  }
}

/** Stores the choice; the default is stored as no entry, so a later default change applies. */
export function writeChoice<T extends string>(key: string, value: T, fallback: T): void {
  try {
    if (value === fallback) globalThis.localStorage.removeItem(key);
    else globalThis.localStorage.setItem(key, value);
  } catch {
    // Not persisted: the choice still applies until the window closes.
  }
}
