import { act, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLocale, useT } from '../../src-renderer/i18n/hooks';
import { I18nProvider } from '../../src-renderer/i18n/I18nProvider';
import { detectLocale, localeStorageKey } from '../../src-renderer/i18n/locale';
import { createTranslate, interpolate } from '../../src-renderer/i18n/translate';
import { plain } from './providers';

afterEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('lang');
});

describe('translate', () => {
  const en = createTranslate('en');
  const fr = createTranslate('fr');

  it('interpolates parameters in both languages', () => {
    expect(en('user.signedInAs', { name: 'Camille Martin' })).toBe('Signed in as Camille Martin');
    expect(fr('user.signedInAs', { name: 'Camille Martin' })).toBe('Connecté en tant que Camille Martin');
    expect(en('dossier.autoCloseOn', { date: '12 March' })).toBe('Closes automatically on 12 March');
    expect(fr('search.noResults', { query: 'KP-2026' })).toBe('Aucun dossier ne correspond à « KP-2026 »');
  });

  it('chooses plural forms by each language’s rules', () => {
    expect(en('queue.withCount', { queue: 'Mine', count: 1 })).toBe('Mine, 1 dossier');
    expect(en('queue.withCount', { queue: 'Mine', count: 0 })).toBe('Mine, 0 dossiers');
    expect(en('queue.withCount', { queue: 'Mine', count: 2 })).toBe('Mine, 2 dossiers');
    // French: 0 and 1 are singular.
    expect(fr('sync.pending', { count: 0 })).toBe('0 modification en attente');
    expect(fr('sync.pending', { count: 1 })).toBe('1 modification en attente');
    expect(fr('sync.pending', { count: 2 })).toBe('2 modifications en attente');
    expect(en('sync.pending', { count: 3 })).toBe('3 pending');
  });

  it('falls back to the other form for a category a message does not spell out', () => {
    // French has a "many" category (1 000 000): the catalogue's "other" form serves it.
    expect(new Intl.PluralRules('fr').select(1_000_000)).toBe('many');
    expect(plain(fr('palette.results', { count: 1_000_000 }))).toBe('1 000 000 commandes');
  });

  it('writes numbers the language’s way', () => {
    expect(en('sync.pending', { count: 1234 })).toBe('1,234 pending');
    expect(plain(fr('sync.pending', { count: 1234 }))).toBe('1 234 modifications en attente');
  });

  it('is typed by the English catalogue: keys, parameters and counts are checked by the compiler', () => {
    const misuses = () => [
      // @ts-expect-error: not a key of the catalogue
      en('queue.nowhere'),
      // @ts-expect-error: a plural message needs its count
      en('sync.pending'),
      // @ts-expect-error: the count of a plural is a number
      en('sync.pending', { count: '3' }),
      // @ts-expect-error: this message has a {name} to fill
      en('user.signedInAs', {}),
    ];
    expect(typeof misuses).toBe('function');
  });

  it('leaves an unknown placeholder as it is', () => {
    expect(interpolate('{a} and {b}', { a: 'x' }, new Intl.NumberFormat('en'))).toBe('x and {b}');
  });
});

describe('the locale', () => {
  it('is the first language of the system the UI speaks, English otherwise', () => {
    expect(detectLocale(['fr-CA', 'en-US'])).toBe('fr');
    expect(detectLocale(['de-DE', 'fr'])).toBe('fr');
    expect(detectLocale(['en-GB', 'fr-FR'])).toBe('en');
    expect(detectLocale(['de-DE'])).toBe('en');
    expect(detectLocale([])).toBe('en');
  });

  const withSystem =
    (languages: readonly string[]) =>
    ({ children }: { children: ReactNode }) => <I18nProvider languages={languages}>{children}</I18nProvider>;

  it('follows the system until the agent chooses, and keeps the choice on this device', () => {
    const { result } = renderHook(() => ({ locale: useLocale(), t: useT() }), {
      wrapper: withSystem(['fr-FR']),
    });
    expect(result.current.locale.locale).toBe('fr');
    expect(result.current.locale.preference).toBe('system');
    expect(result.current.t('queue.mine')).toBe('Mes dossiers');
    expect(document.documentElement.lang).toBe('fr');

    act(() => result.current.locale.setPreference('en'));
    expect(result.current.t('queue.mine')).toBe('Mine');
    expect(localStorage.getItem(localeStorageKey)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    // A new window starts from the stored choice, whatever the system says.
    const again = renderHook(() => useLocale(), { wrapper: withSystem(['fr-FR']) });
    expect(again.result.current.locale).toBe('en');

    act(() => again.result.current.setPreference('system'));
    expect(again.result.current.locale).toBe('fr');
    expect(localStorage.getItem(localeStorageKey)).toBeNull();
  });

  it('reads the browser’s languages by default', () => {
    const expected = detectLocale(navigator.languages);
    function Probe() {
      return <p>{useLocale().locale}</p>;
    }
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText(expected)).toBeTruthy();
  });

  it('asks for a provider', () => {
    expect(() => renderHook(() => useT())).toThrow(/I18nProvider/);
  });
});
