import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DossierWithMessages } from '../../src-shared/contract/api';
import type { PartyMessage } from '../../src-portal/api/client';
import { threadOf } from '../../src-portal/domain/thread';
import { Dossier } from '../../src-portal/screens/Dossier';
import { dossier, fakeApi, file, message, renderPortal } from './portal';

/** A claim's page: Klik & Pay's letters as notices, people's messages as a conversation, replying, resolving. */

const photo = { id: 'a-1', filename: 'photo.png', contentType: 'image/png', size: 2_048 };
const messages = [
  message({ id: 'claim', kind: 'claim', body: 'Never arrived.', attachments: [photo] }),
  message({
    id: 'ack',
    kind: 'notice',
    audience: 'customer',
    author: { role: 'system', id: null, name: 'Klik & Pay' },
    body: 'We received your claim.',
  }),
  message({
    id: 'answer',
    author: { role: 'merchant', id: 'u-merchant', name: 'Paul Girard' },
    body: 'Sent again: tracking 6A19283746501.',
  }),
  message({
    id: 'rights',
    kind: 'rights_information',
    audience: 'customer',
    author: { role: 'agent', id: 'u-agent', name: 'Camille Laurent' },
    body: 'Your rights…',
  }),
];
const withMessages = (change = {}): DossierWithMessages => ({
  ...dossier({ status: 'awaiting_customer', dueAt: null, lastAnswerBy: 'merchant', ...change }),
  messages,
});

describe('the thread', () => {
  it('takes the claim apart, and tells notices from messages', () => {
    const thread = threadOf(messages, 'customer');
    expect(thread.request?.id).toBe('claim');
    expect(
      thread.entries.map((e) => (e.type === 'notice' ? `notice:${e.kind}` : `message:${e.from}`)),
    ).toEqual(['notice:notice', 'message:merchant', 'notice:rights_information']);
    expect(threadOf(messages, 'merchant').entries[1]).toMatchObject({ type: 'message', from: 'you' });
  });
});

describe('a claim’s page', () => {
  it('shows the request with its files, the status, and the correspondence as text', async () => {
    renderPortal(
      <Dossier id="d-1" party="customer" />,
      fakeApi({ dossier: () => Promise.resolve(withMessages()) }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Claim KP-2026-000123' })).toBeTruthy();
    expect(screen.getByText('Your answer is awaited')).toBeTruthy();
    const request = screen.getByRole('region', { name: 'Your request' });
    expect(within(request).getByText('Never arrived.')).toBeTruthy();
    expect(
      within(request).getByRole('link', { name: 'Download photo.png (2 kB)' }).getAttribute('href'),
    ).toBe('/api/v1/dossiers/d-1/attachments/a-1');
    const thread = screen.getByRole('list', { name: 'Correspondence' });
    expect(within(thread).getByText('Notice from Klik & Pay')).toBeTruthy();
    expect(within(thread).getByText('The merchant, La Boutique du Voyageur')).toBeTruthy();
    expect(within(thread).getByText('Information on your rights')).toBeTruthy();
  });

  it('never reads a message as HTML', async () => {
    const hostile = message({ id: 'x', body: '<img src=x onerror="alert(1)"><b>bold</b>' });
    renderPortal(
      <Dossier id="d-1" party="customer" />,
      fakeApi({ dossier: () => Promise.resolve({ ...withMessages(), messages: [hostile] }) }),
    );
    expect(await screen.findByText('<img src=x onerror="alert(1)"><b>bold</b>')).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
  });

  it('checks a reply before sending it, then sends its text and files', async () => {
    const user = userEvent.setup();
    const sent: PartyMessage[] = [];
    const postMessage = vi.fn((_id: string, m: PartyMessage) => {
      sent.push(m);
      return Promise.resolve(withMessages());
    });
    renderPortal(
      <Dossier id="d-1" party="customer" />,
      fakeApi({ dossier: () => Promise.resolve(withMessages()), postMessage }),
    );
    await user.click(await screen.findByRole('button', { name: 'Send' }));
    const box = screen.getByRole('textbox', { name: 'Your message' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Write something here.')).toBeTruthy();
    expect(postMessage).not.toHaveBeenCalled();
    await user.type(box, 'Received, thank you.');
    await user.upload(
      screen.getByLabelText('Attach files (optional)'),
      file('note.txt', 'text/plain', new TextEncoder().encode('ok')),
    );
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(postMessage).toHaveBeenCalledTimes(1));
    expect(sent[0]).toEqual({
      body: 'Received, thank you.',
      attachments: [{ filename: 'note.txt', contentType: 'text/plain', contentBase64: 'b2s=' }],
    });
    expect(await screen.findByText('Your message was sent.')).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('closes the claim only once the customer confirms the dispute is resolved', async () => {
    const user = userEvent.setup();
    let current = withMessages();
    const resolve = vi.fn(() => {
      current = withMessages({
        status: 'closed',
        closure: {
          reason: 'resolved_by_client',
          outcome: null,
          summary: null,
          at: '2026-11-24T09:00:00.000Z',
          by: { role: 'customer', id: 'u' },
        },
      });
      return Promise.resolve(current);
    });
    renderPortal(
      <Dossier id="d-1" party="customer" />,
      fakeApi({ dossier: () => Promise.resolve(current), resolve }),
    );
    await user.click(await screen.findByRole('button', { name: 'The dispute is resolved' }));
    const dialog = screen.getByRole('dialog', { name: 'Close claim KP-2026-000123?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(resolve).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'The dispute is resolved' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Yes, the dispute is resolved' }),
    );
    expect(await screen.findByText('Thank you. Claim KP-2026-000123 is closed.')).toBeTruthy();
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Closed: you said the dispute is resolved')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Your message' })).toBeNull();
  });

  it('shows the merchant the Good Practices reminder it was sent', async () => {
    const reminder = message({
      id: 'gp',
      kind: 'good_practices_reminder',
      audience: 'merchant',
      author: { role: 'system', id: null, name: 'Klik & Pay' },
      body: 'Please answer your customer.',
      createdAt: '2026-11-22T10:00:00.000Z',
    });
    const reminded = {
      ...dossier({ merchantStage: 'reminded', remindedAt: '2026-11-22T10:00:00.000Z' }),
      messages: [messages[0], reminder].flatMap((m) => (m ? [m] : [])),
    };
    renderPortal(
      <Dossier id="d-1" party="merchant" />,
      fakeApi({ dossier: () => Promise.resolve(reminded) }),
    );
    expect(
      await screen.findByRole('heading', {
        name: /^Klik & Pay reminded you of the e-commerce Good Practices on Nov 22, 2026/,
      }),
    ).toBeTruthy();
    expect(screen.getByRole('region', { name: 'The customer’s request' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'The dispute is resolved' })).toBeNull();
  });
});

describe('a proposed settlement', () => {
  it('is offered by the merchant with a reply, a partial refund staying under what was paid', async () => {
    const user = userEvent.setup();
    const sent: PartyMessage[] = [];
    const postMessage = vi.fn((_id: string, m: PartyMessage) => {
      sent.push(m);
      return Promise.resolve(withMessages());
    });
    renderPortal(
      <Dossier id="d-1" party="merchant" />,
      fakeApi({ dossier: () => Promise.resolve(withMessages()), postMessage }),
    );
    const offer = await screen.findByRole('group', { name: 'Does your message propose a settlement?' });
    expect(within(offer).getByRole('radio', { name: 'No, it is only a message' })).toHaveProperty(
      'checked',
      true,
    );
    await user.type(screen.getByRole('textbox', { name: 'Your message' }), 'We refund part of it.');
    await user.click(within(offer).getByRole('radio', { name: 'A partial refund' }));
    const amount = screen.getByRole('textbox', { name: 'Amount to refund (EUR)' });
    await user.type(amount, '129.90');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(
      screen.getByText(
        'A partial refund is less than the amount paid: for all of it, propose a full refund.',
      ),
    ).toBeTruthy();
    expect(document.activeElement).toBe(amount);
    expect(postMessage).not.toHaveBeenCalled();
    await user.clear(amount);
    await user.type(amount, '40,5');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(postMessage).toHaveBeenCalledTimes(1));
    expect(sent[0]).toEqual({
      body: 'We refund part of it.',
      proposal: { outcome: 'partial_refund', amount: 4_050 },
    });
  });

  it('is put before the customer, with the thread saying what it was', async () => {
    const offered = message({
      id: 'offer',
      author: { role: 'merchant', id: 'u-merchant', name: 'Paul Girard' },
      body: 'We can refund part of it.',
      proposal: { outcome: 'partial_refund', amount: 4_050 },
    });
    renderPortal(
      <Dossier id="d-1" party="customer" />,
      fakeApi({ dossier: () => Promise.resolve({ ...withMessages(), messages: [...messages, offered] }) }),
    );
    expect(
      await screen.findByRole('heading', {
        name: 'La Boutique du Voyageur proposes a partial refund of €40.50',
      }),
    ).toBeTruthy();
    const thread = screen.getByRole('list', { name: 'Correspondence' });
    expect(within(thread).getByText('Proposed settlement: a partial refund of €40.50')).toBeTruthy();
    // Customers see no proposal fields in their own reply box.
    expect(screen.queryByRole('group', { name: 'Does your message propose a settlement?' })).toBeNull();
  });

  it('stops being put forward once the merchant writes again without one', async () => {
    const offered = message({
      id: 'offer',
      author: { role: 'merchant', id: 'u-merchant', name: 'Paul Girard' },
      body: 'A replacement?',
      proposal: { outcome: 'replacement', amount: null },
    });
    const after = message({
      id: 'after',
      author: { role: 'merchant', id: 'u-merchant', name: 'Paul Girard' },
      body: 'Out of stock, sorry.',
      createdAt: '2026-11-24T10:00:00.000Z',
    });
    renderPortal(
      <Dossier id="d-1" party="customer" />,
      fakeApi({ dossier: () => Promise.resolve({ ...withMessages(), messages: [offered, after] }) }),
    );
    expect(await screen.findByText('Proposed settlement: a replacement')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /proposes/ })).toBeNull();
  });
});
