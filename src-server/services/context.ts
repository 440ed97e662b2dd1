import { randomUUID } from 'node:crypto';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { Database } from '../db/database';
import type { Clock } from './clock';

/** What every service needs: the database, the clock and the rules' settings. */
export interface ServerContext {
  db: Database;
  clock: Clock;
  settings: DisputeSettings;
  newId: () => string;
}

export const randomId = (): string => randomUUID();
