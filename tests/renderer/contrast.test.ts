import { describe, expect, it } from 'vitest';
import { readStylesheet } from './stylesheets';

const css = readStylesheet('src-renderer/styles.css');

/** The stylesheet's colour tokens: `--name: light-dark(#light, #dark);`. */
function tokens(): Map<string, { light: string; dark: string }> {
  const found = new Map<string, { light: string; dark: string }>();
  for (const m of css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) {
    found.set(m[1] ?? '', { light: m[2] ?? '', dark: m[3] ?? '' });
  }
  return found;
}

const channel = (hex: string, i: number): number => {
  const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string): number =>
  0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
/** WCAG 2 contrast ratio. */
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** Text on the backgrounds it is drawn on: 4.5:1 (WCAG AA, normal text). */
const textPairs: [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'surface-raised'],
  ['text', 'surface-sunken'],
  ['text', 'selected'],
  ['text', 'hover'],
  ['text-muted', 'bg'],
  ['text-muted', 'surface'],
  ['text-muted', 'surface-raised'],
  ['text-muted', 'surface-sunken'],
  ['text-muted', 'selected'],
  ['accent', 'surface'],
  ['accent', 'accent-soft'],
  ['on-accent', 'accent'],
  ['on-accent', 'accent-hover'],
  ['klikpay-fg', 'klikpay-bg'],
  ['merchant-fg', 'merchant-bg'],
  ['customer-fg', 'customer-bg'],
  ['closed-fg', 'closed-bg'],
  ['danger-fg', 'danger-bg'],
  ['danger-fg', 'surface'],
  ['danger-fg', 'surface-raised'],
  ['warning-fg', 'warning-bg'],
  ['warning-fg', 'surface'],
  ['success-fg', 'success-bg'],
];

/** Focus rings and control borders against their surfaces: 3:1 (WCAG 1.4.11). */
const uiPairs: [string, string][] = [
  ['focus', 'surface'],
  ['focus', 'bg'],
  ['focus', 'surface-sunken'],
  ['control-border', 'surface'],
  ['success-fg', 'surface'],
];

describe('the colour tokens', () => {
  const t = tokens();

  it('are all light/dark pairs', () => {
    expect(t.size).toBeGreaterThan(25);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`give text AA contrast in the ${theme} theme`, () => {
      for (const [fg, bg] of textPairs) {
        const a = t.get(fg)?.[theme];
        const b = t.get(bg)?.[theme];
        expect(a && b, `${fg} / ${bg}`).toBeTruthy();
        expect(contrast(a ?? '', b ?? ''), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`give focus rings and control borders 3:1 in the ${theme} theme`, () => {
      for (const [fg, bg] of uiPairs) {
        expect(
          contrast(t.get(fg)?.[theme] ?? '', t.get(bg)?.[theme] ?? ''),
          `${fg} on ${bg}`,
        ).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
