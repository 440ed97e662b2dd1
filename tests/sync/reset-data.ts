import type { Sql } from '../../src-server/db/database';

/**
 * Test only: forgets every dossier and what hangs on it — transactions, messages, attachments, facts, the
 * audit trail, their rows of the change log, the answers given to pushed mutations — and keeps the
 * people (users, sessions, merchants, customers). A randomised suite starts each history from this
 * small world instead of first-syncing everything the histories before it left behind.
 *
 * TRUNCATE does not fire the audit trail's row trigger (append-only), which is why it is used here;
 * no production path does this.
 */
export async function resetDossierData(sql: Sql): Promise<void> {
  await sql.exec(`
    truncate dossier_facts, attachments, audit_events, messages, dossiers, transactions, applied_mutations;
    delete from changes where entity in ('dossier', 'message', 'event');
  `);
}
