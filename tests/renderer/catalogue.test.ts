import { describe, expect, it } from 'vitest';
import { en, englishParts, fr } from '../../src-renderer/i18n/catalogue';
import type { Message } from '../../src-renderer/i18n/catalogue';
import { queueIds } from '../../src-shared/domain/queues';
import { statuses } from '../../src-shared/domain/vocabulary';

const categories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const placeholders = (message: Message): string[] => {
  const texts =
    typeof message === 'string'
      ? [message]
      : categories.map((c) => message[c]).filter((text): text is string => text !== undefined);
  const names = texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''));
  return [...new Set(names)].sort();
};

describe('the catalogues', () => {
  it('have exactly the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('split into parts that never define a key twice', () => {
    const total = englishParts.reduce((n, part) => n + Object.keys(part).length, 0);
    expect(Object.keys(en)).toHaveLength(total);
  });

  it('translate each message into the same kind with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english: Message = en[key];
      const french: Message = fr[key];
      expect(typeof french, key).toBe(typeof english);
      expect(placeholders(french), key).toEqual(placeholders(english));
    }
  });

  it('have no empty message and only CLDR plural categories, with one and other', () => {
    for (const catalogue of [en, fr]) {
      for (const [key, message] of Object.entries(catalogue) as [string, Message][]) {
        if (typeof message === 'string') {
          expect(message.trim(), key).not.toBe('');
          continue;
        }
        expect(
          Object.keys(message).every((c) => (categories as readonly string[]).includes(c)),
          key,
        ).toBe(true);
        expect(message.one, key).toBeTruthy();
        expect(message.other, key).toBeTruthy();
      }
    }
  });

  it('name every queue and every status', () => {
    for (const id of queueIds) expect(en[`queue.${id}`]).toBeTruthy();
    for (const status of statuses) expect(fr[`status.${status}`]).toBeTruthy();
  });

  it('use the words and the exact action labels of docs/letters.md', () => {
    expect([
      en['action.reply'],
      en['action.note'],
      en['action.remindMerchant'],
      en['action.informCustomer'],
      en['action.forwardToMerchant'],
      en['action.takeOver'],
      en['action.assignToMe'],
      en['action.followUp'],
      en['action.close'],
      en['action.reopen'],
      en['action.resolutionSummary'],
    ]).toEqual([
      'Reply',
      'Add note',
      'Send reminder',
      'Inform customer',
      'Forward to merchant',
      'Take over',
      'Assign to me',
      'Follow up',
      'Close dossier',
      'Reopen',
      'Resolution summary',
    ]);
    expect(fr['status.awaiting_merchant']).toBe('En attente du marchand');
    expect(fr['merchantStage.overdue']).toBe('Marchand en retard');
    expect(fr['messageKind.good_practices_reminder']).toBe('Rappel des Bonnes Pratiques du e-commerce');
    expect(fr['messageKind.rights_information']).toBe('Information sur vos droits');
    expect(fr['audience.internal']).toBe('Note interne');
    expect(fr['reason.after_sales']).toBe('SAV / garantie');
    expect(fr['closureReason.inactivity']).toBe('Clos pour inactivité');
    expect(fr['nav.queues']).toBe('Files');
  });
});
