import { describe, expect, it } from 'vitest';
import { en } from '../../src-portal/i18n/en';
import { fr } from '../../src-portal/i18n/fr';
import { detectLocale } from '../../src-portal/i18n/locale';

/** French says everything English says, with the same facts in it. */

const placeholders = (message: string | { one: string; other: string }) =>
  [...(typeof message === 'string' ? message : `${message.one} ${message.other}`).matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .filter((name, i, all) => all.indexOf(name) === i);

describe('the catalogues', () => {
  it('give every key the same placeholders in French as in English', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('follow the browser’s first language the portal speaks, English otherwise', () => {
    expect(detectLocale(['fr-CA', 'en'])).toBe('fr');
    expect(detectLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(detectLocale(['de'])).toBe('en');
  });
});
