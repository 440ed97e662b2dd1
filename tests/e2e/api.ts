import type { PullResponse, SyncChange } from '../../src-shared/contract/sync';
import type { Dossier, Message } from '../../src-shared/domain/model';

/** The server's own view, straight from the API: what the browser's cache must end up equal to. */

export async function signIn(baseUrl: string, email: string, password = 'demo'): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 201) throw new Error(`sign-in of ${email} answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function serverView(
  baseUrl: string,
  token: string,
): Promise<{ dossiers: Dossier[]; messages: Message[] }> {
  const changes: SyncChange[] = [];
  let cursor = '';
  for (;;) {
    const res = await fetch(`${baseUrl}/api/v1/sync/pull?limit=10000${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await res.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  // The latest state of each entity (a snapshot may deliver one twice).
  const latest = new Map(changes.map((c) => [`${c.entity}:${c.id}`, c]));
  const of = <E extends SyncChange['entity']>(entity: E) =>
    [...latest.values()].flatMap((c) => (c.entity === entity && c.op === 'put' ? [c.data] : []));
  return { dossiers: of('dossier') as Dossier[], messages: of('message') as Message[] };
}
