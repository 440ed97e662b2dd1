import type { FileClaimRequest } from '../../src-shared/contract/api';
import {
  apiBase,
  cookieSessionResponseSchema,
  currentSessionResponseSchema,
  dossierListSchema,
  dossierWithMessagesSchema,
  rulesResponseSchema,
  transactionListSchema,
} from '../../src-shared/contract/api';
import type { Attachment, Dossier, Proposal, User } from '../../src-shared/domain/model';
import { dossierSchema } from '../../src-shared/domain/model';
import type { Http } from './http';
import { PortalError } from './http';

/** The calls the portal makes, typed by the contract (src-shared/contract/api.ts). */

export interface SignedIn {
  user: User;
}

/** A reply from a party: the text and its files (their audience is implied by who they are). */
export interface PartyMessage {
  body: string;
  attachments?: FileClaimRequest['attachments'];
  /** A merchant's proposed settlement. */
  proposal?: Proposal;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

export function createPortalApi(http: Http) {
  return {
    /** The session the cookie carries, or null (none, or it ended). */
    async currentSession(): Promise<SignedIn | null> {
      try {
        const { user, csrfToken } = await http.call('GET', '/sessions/current', currentSessionResponseSchema);
        // Without its token the session cannot write: only a cookie session answers one.
        if (csrfToken === undefined) return null;
        http.setCsrfToken(csrfToken);
        return { user };
      } catch (error) {
        if (error instanceof PortalError && error.code === 'unauthenticated') return null;
        throw error;
      }
    },
    async signIn(email: string, password: string): Promise<SignedIn> {
      const { user, csrfToken } = await http.call('POST', '/sessions', cookieSessionResponseSchema, {
        email,
        password,
        session: 'cookie',
      });
      http.setCsrfToken(csrfToken);
      return { user };
    },
    async signOut(): Promise<void> {
      try {
        await http.callEmpty('DELETE', '/sessions/current');
      } catch (error) {
        // Already ended on the server: signed out all the same.
        if (!(error instanceof PortalError && error.code === 'unauthenticated')) throw error;
      }
      http.setCsrfToken(null);
    },
    rules: () => http.call('GET', '/rules', rulesResponseSchema),
    async transactions() {
      return (await http.call('GET', '/transactions?limit=500', transactionListSchema)).items;
    },
    /** Every dossier the party may see (a party has tens, not thousands: all pages are read). */
    async dossiers(): Promise<Dossier[]> {
      const all: Dossier[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const page = await http.call('GET', `/dossiers?limit=200${query}`, dossierListSchema);
        all.push(...page.items);
        cursor = page.cursor;
      } while (cursor !== null);
      return all;
    },
    dossier: (id: string) => http.call('GET', `/${path('dossiers', id)}`, dossierWithMessagesSchema),
    fileClaim: (request: FileClaimRequest) => http.call('POST', '/dossiers', dossierSchema, request),
    postMessage: (id: string, message: PartyMessage) =>
      http.call('POST', `/${path('dossiers', id, 'messages')}`, dossierWithMessagesSchema, message),
    resolve: (id: string) => http.call('POST', `/${path('dossiers', id, 'resolve')}`, dossierSchema),
    escalate: (id: string) => http.call('POST', `/${path('dossiers', id, 'escalate')}`, dossierSchema),
    /** Where a file attached to a message downloads from (the cookie goes with a same-origin link). */
    attachmentUrl: (dossierId: string, attachment: Pick<Attachment, 'id'>) =>
      `${apiBase}/${path('dossiers', dossierId, 'attachments', attachment.id)}`,
  };
}

export type PortalApi = ReturnType<typeof createPortalApi>;
