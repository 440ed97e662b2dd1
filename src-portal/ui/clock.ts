import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import { defaultSettings } from '../../src-shared/domain/settings';
import { rulesQuery } from '../api/queries';
import { useApi } from '../api/context';

/**
 * One clock: this computer's, corrected by the server's (GET /rules), so a countdown says what the
 * rules will do, whatever the computer's clock says. Ticks every `tickMs`.
 */
export function useNow(tickMs = 30_000): number {
  const rules = useQuery(rulesQuery(useApi()));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now + (rules.data?.offsetMs ?? 0);
}

/** The department's delays, as the server applies them (the defaults until they are read). */
export function useSettings(): DisputeSettings {
  return useQuery(rulesQuery(useApi())).data?.settings ?? defaultSettings;
}
