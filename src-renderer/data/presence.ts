import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Presence } from '../sync/presence';
import { useDesk } from './desk';

/**
 * While a dossier is open: announces this agent on it (viewing, or writing while the composer has
 * text) and returns the other agents there, live. Offline, nobody is shown.
 */
export function usePresence(dossierId: string | null, activity: 'viewing' | 'writing'): Presence[] {
  const { presence } = useDesk();
  useEffect(() => {
    if (!dossierId) return;
    presence.announce(dossierId, activity);
  }, [presence, dossierId, activity]);
  useEffect(() => () => presence.leave(), [presence]);
  // A stable snapshot: the same array while nothing changed, so React does not loop.
  const last = useRef<{ key: string; value: Presence[] }>({ key: '', value: [] });
  return useSyncExternalStore(presence.subscribe, () => {
    const value = dossierId ? presence.others(dossierId) : [];
    const key = value.map((p) => `${p.userId}:${p.activity}:${p.until}`).join('|');
    if (key !== last.current.key) last.current = { key, value };
    return last.current.value;
  });
}
