import type { Session } from './app/session';
import { DeskProvider } from './data/desk';
import type { LocalClient } from './sync/local-client';
import { Workspace } from './workspace/Workspace';

/**
 * Everything after sign-in, in a chunk of its own (App.tsx loads it lazily): the sign-in page
 * loads only what it needs.
 */
export default function SignedIn({ session, client }: { session: Session; client: LocalClient }) {
  return (
    <DeskProvider client={client}>
      <Workspace session={session} />
    </DeskProvider>
  );
}
