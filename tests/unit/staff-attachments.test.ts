import { describe, expect, it } from 'vitest';
import { mutationArgsSchemas, parseMutation } from '../../src-shared/contract/sync';
import type { Command } from '../../src-shared/domain/commands';
import { staffCommandSchemas } from '../../src-shared/domain/commands';
import type { Attachment } from '../../src-shared/domain/model';
import { refusalDetailsSchema, refusalText } from '../../src-shared/domain/refusals';
import { agent, customer, later, merchant, refusal, states, step, summaryOf } from './fixtures';

/** Staff attach files to a reply or a forward: the rules put their metadata on the message. */

const file = (id: string, filename = `${id}.pdf`): Attachment => ({
  id,
  filename,
  contentType: 'application/pdf',
  size: 2048,
});
const receipt = file('0b8a4a52-6f43-4d1e-9d57-3b0f2a61c9e1', 'reçu.pdf');
const tracking = file('5f3c1d2e-8a7b-4c6d-9e0f-1a2b3c4d5e6f', 'suivi.pdf');

const reply = (audience: 'customer' | 'merchant' | 'both', attachments?: Attachment[]): Command => ({
  name: 'dossier.reply',
  args: { body: 'Voici le justificatif.', audience, ...(attachments ? { attachments } : {}) },
});
const forward = (attachments?: Attachment[]): Command => ({
  name: 'dossier.forward_to_merchant',
  args: { body: 'Merci de répondre au client.', ...(attachments ? { attachments } : {}) },
});

describe('the command schemas', () => {
  it('take attachments on a reply and a forward, optionally: older mutations still parse', () => {
    const args = { body: 'Bonjour', audience: 'customer' };
    expect(staffCommandSchemas['dossier.reply'].safeParse(args).success).toBe(true);
    expect(staffCommandSchemas['dossier.reply'].safeParse({ ...args, attachments: [receipt] }).success).toBe(
      true,
    );
    expect(staffCommandSchemas['dossier.forward_to_merchant'].safeParse({ body: 'x' }).success).toBe(true);
    const parsed = parseMutation({
      id: 'm-1',
      name: 'dossier.forward_to_merchant',
      args: { dossierId: 'd-1', body: 'x', attachments: [receipt, tracking] },
    });
    expect(parsed).toMatchObject({ ok: true, value: { args: { attachments: [receipt, tracking] } } });
  });

  it('refuse more than 3 files, and metadata that is not an attachment', () => {
    const schema = mutationArgsSchemas['dossier.reply'];
    const base = { dossierId: 'd-1', body: 'x', audience: 'both' };
    const four = ['a', 'b', 'c', 'd'].map((id) => file(id));
    expect(schema.safeParse({ ...base, attachments: four }).success).toBe(false);
    expect(schema.safeParse({ ...base, attachments: [{ ...receipt, size: -1 }] }).success).toBe(false);
    expect(schema.safeParse({ ...base, attachments: [{ id: receipt.id }] }).success).toBe(false);
    expect(staffCommandSchemas['dossier.note'].safeParse({ body: 'x', attachments: [] }).success).toBe(false);
  });
});

describe('a reply or a forward with files', () => {
  it('puts them on the message it writes, to the audience chosen', () => {
    const toCustomer = step(states.klikpay(), agent, reply('customer', [receipt]), later(1));
    expect(toCustomer.messages.map((m) => [...summaryOf(m), m.attachments])).toEqual([
      ['agent', 'customer', 'message', [receipt]],
    ]);
    const toMerchant = step(states.klikpay(), agent, reply('merchant', [receipt, tracking]), later(1));
    expect(toMerchant.messages.map((m) => [...summaryOf(m), m.attachments])).toEqual([
      ['agent', 'merchant', 'forward', [receipt, tracking]],
    ]);
    expect(toMerchant.dossier.status).toBe('awaiting_merchant');
    const forwarded = step(states.klikpay(), agent, forward([tracking]), later(1));
    expect(forwarded.messages.map((m) => m.attachments)).toEqual([[tracking]]);
  });

  it('writes a message without files as before', () => {
    const decision = step(states.klikpay(), agent, reply('both'), later(1));
    expect(decision.messages[0]?.attachments).toEqual([]);
  });

  it('refuses a file listed twice, naming it', () => {
    for (const command of [reply('both', [receipt, tracking, receipt]), forward([tracking, tracking])]) {
      const error = refusal(states.klikpay(), agent, command, later(1));
      expect(error.code).toBe('invalid_request');
      expect(error.details?.reason).toBe('duplicate_attachment');
      expect(refusalDetailsSchema.parse(error.details).attachmentId).toMatch(/^(0b8a|5f3c)/);
      expect(error.message).toContain(error.details?.attachmentId ?? '?');
    }
    const twice: Command = { name: 'customer.message', args: { body: 'x', attachments: [receipt, receipt] } };
    expect(refusal(states.klikpay(), customer, twice, later(1)).details?.reason).toBe('duplicate_attachment');
  });

  it('refuses files on a closed dossier as any correspondence', () => {
    const error = refusal(states.closed(), agent, forward([receipt]), later(3));
    expect(error.details).toEqual({ reason: 'dossier_closed' });
  });

  it('is still a staff command: a party cannot send it', () => {
    const error = refusal(states.klikpay(), merchant, reply('both', [receipt]), later(1));
    expect(error.details).toMatchObject({ reason: 'role_cannot', command: 'dossier.reply' });
  });
});

describe('the refusal of a file not uploaded', () => {
  it('has English words naming the file', () => {
    const details = { reason: 'attachment_not_uploaded' as const, attachmentId: receipt.id };
    expect(refusalDetailsSchema.parse(details)).toEqual(details);
    expect(refusalText(details, '')).toContain(receipt.id);
  });
});
