import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { TransactionListItem } from '../../src-shared/contract/api';
import type { Dossier, Message } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { PortalApi } from '../../src-portal/api/client';
import { ApiProvider } from '../../src-portal/api/context';
import { createQueryClient } from '../../src-portal/api/queries';
import { I18nProvider } from '../../src-portal/i18n/I18nProvider';
import type { Locale } from '../../src-portal/i18n/locale';

/** The portal's screens over a stand-in API: each test gives the calls it expects, any other throws. */

export const now = Date.parse('2026-11-24T09:30:00.000Z');

export function fakeApi(calls: Partial<PortalApi> = {}): PortalApi {
  const missing = (name: string) => () => {
    throw new Error(`the test did not expect a call to ${name}`);
  };
  return {
    currentSession: missing('currentSession'),
    signIn: missing('signIn'),
    signOut: missing('signOut'),
    // The server's clock is the test's `now`, whatever the computer's says.
    rules: () => Promise.resolve({ settings: defaultSettings, now: new Date(now).toISOString() }),
    transactions: missing('transactions'),
    dossiers: () => Promise.resolve([]),
    dossier: missing('dossier'),
    fileClaim: missing('fileClaim'),
    postMessage: missing('postMessage'),
    resolve: missing('resolve'),
    escalate: missing('escalate'),
    attachmentUrl: (dossierId, attachment) => `/api/v1/dossiers/${dossierId}/attachments/${attachment.id}`,
    ...calls,
  };
}

export function renderPortal(ui: ReactNode, api: PortalApi = fakeApi(), locale: Locale = 'en') {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <ApiProvider api={api}>
        <I18nProvider locale={locale}>{ui}</I18nProvider>
      </ApiProvider>
    </QueryClientProvider>,
  );
}

export const transaction: TransactionListItem = {
  id: 't-1',
  amount: 12_990,
  currency: 'EUR',
  occurredAt: '2026-11-20T10:00:00.000Z',
  orderReference: 'BL-204311',
  merchantId: 'm-1',
  merchantName: 'La Boutique du Voyageur',
  merchantLanguage: 'fr',
  customerId: 'c-1',
  customerName: 'Claire Dumont',
  openDossierId: null,
  merchantEmail: 'contact@boutique.test',
  merchantEmailValid: true,
};

export function dossier(change: Partial<Dossier> = {}): Dossier {
  const { openDossierId: _open, merchantEmail: _email, merchantEmailValid: _valid, ...tx } = transaction;
  return {
    id: 'd-1',
    reference: 'KP-2026-000123',
    status: 'awaiting_merchant',
    subject: 'delivery',
    reason: 'not_received',
    merchantContact: 'merchant_no_answer',
    description: 'Never arrived.',
    desiredOutcome: 'delivery',
    language: 'en',
    transaction: tx,
    assigneeId: null,
    tags: [],
    dueAt: '2026-11-27T09:30:00.000Z',
    merchantStage: 'answer_due',
    lastAnswerBy: null,
    escalatedAt: null,
    remindedAt: null,
    customerInformedAt: null,
    firstResponseAt: null,
    lastCommunicationAt: '2026-11-20T10:00:00.000Z',
    reopenedAt: null,
    autoCloseAt: '2027-03-20T10:00:00.000Z',
    preCloseNoticeAt: null,
    closure: null,
    followUps: {},
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    version: 1,
    ...change,
  };
}

export function message(change: Partial<Message> = {}): Message {
  return {
    id: 'm-1',
    dossierId: 'd-1',
    author: { role: 'customer', id: 'u-client', name: 'Claire Dumont' },
    audience: 'both',
    kind: 'message',
    body: 'Hello',
    attachments: [],
    createdAt: '2026-11-20T10:00:00.000Z',
    ...change,
  };
}

/** A file as a browser's picker gives it. */
export const file = (name: string, type: string, bytes: number | Uint8Array<ArrayBuffer>) =>
  new File([typeof bytes === 'number' ? new Uint8Array(bytes) : bytes], name, { type });

/** The eight bytes every PNG starts with, and a little more. */
export const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
