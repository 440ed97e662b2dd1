import type { NativeImage } from 'electron';
import { describe, expect, it } from 'vitest';
import type { OverlayBitmap } from '../../../src-main/badge';
import {
  badgeText,
  discColor,
  labelPixels,
  overlayBitmap,
  overlayLabel,
  showOverdueCount,
} from '../../../src-main/badge';

/** One pixel of the bitmap, read back in the BGRA order Electron takes. */
const pixel = (bitmap: OverlayBitmap, x: number, y: number) => {
  const i = (y * 16 + x) * 4;
  return { b: bitmap.bgra[i], g: bitmap.bgra[i + 1], r: bitmap.bgra[i + 2], a: bitmap.bgra[i + 3] };
};
const red = { r: discColor.r, g: discColor.g, b: discColor.b, a: 255 };
const white = { r: 255, g: 255, b: 255, a: 255 };
const transparent = { r: 0, g: 0, b: 0, a: 0 };
const insideDisc = (x: number, y: number, margin = 0) =>
  (x + 0.5 - 8) ** 2 + (y + 0.5 - 8) ** 2 <= (8 - margin) ** 2;

describe('badgeText', () => {
  it.each([
    [0, 'No overdue dossiers', 'Aucun dossier en retard'],
    [1, '1 overdue dossier', '1 dossier en retard'],
    [3, '3 overdue dossiers', '3 dossiers en retard'],
    [120, '120 overdue dossiers', '120 dossiers en retard'],
    [-2, 'No overdue dossiers', 'Aucun dossier en retard'],
    [Number.NaN, 'No overdue dossiers', 'Aucun dossier en retard'],
    [2.7, '2 overdue dossiers', '2 dossiers en retard'],
  ])('%s → "%s" / "%s"', (count, en, fr) => {
    expect(badgeText(count)).toBe(en);
    expect(badgeText(count, 'fr')).toBe(fr);
  });
});

describe('overlayLabel', () => {
  it.each([
    [0, null],
    [-1, null],
    [1, '1'],
    [9, '9'],
    [10, '9+'],
    [100, '9+'],
    [Number.POSITIVE_INFINITY, null],
  ])('%s → %s', (count, label) => {
    expect(overlayLabel(count)).toBe(label);
  });
});

describe('overlayBitmap', () => {
  it('is null at 0: no overlay', () => {
    expect(overlayBitmap(0)).toBeNull();
    expect(overlayBitmap(-3)).toBeNull();
  });

  it('is 16×16 with 4 bytes a pixel, the size createFromBitmap checks', () => {
    const bitmap = overlayBitmap(3);
    expect(bitmap?.width).toBe(16);
    expect(bitmap?.height).toBe(16);
    expect(bitmap?.bgra.length).toBe(16 * 16 * 4);
  });

  it('draws a red disc: red inside, transparent in the corners', () => {
    const bitmap = overlayBitmap(1);
    if (!bitmap) throw new Error('no bitmap');
    const text = new Set(labelPixels('1').map(({ x, y }) => `${x},${y}`));
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        if (text.has(`${x},${y}`)) continue;
        // Fully inside (one pixel's diagonal from the edge): opaque red.
        if (insideDisc(x, y, 0.75)) expect(pixel(bitmap, x, y), `${x},${y}`).toEqual(red);
        if (!insideDisc(x, y, -0.75)) expect(pixel(bitmap, x, y), `${x},${y}`).toEqual(transparent);
      }
    }
    for (const [x, y] of [
      [0, 0],
      [15, 0],
      [0, 15],
      [15, 15],
    ] as const) {
      expect(pixel(bitmap, x, y)).toEqual(transparent);
    }
    // Top, bottom, left and right of the disc.
    expect(pixel(bitmap, 8, 1)).toEqual(red);
    expect(pixel(bitmap, 8, 14)).toEqual(red);
    expect(pixel(bitmap, 1, 8)).toEqual(red);
    expect(pixel(bitmap, 14, 8)).toEqual(red);
  });

  it('stores the red in BGRA order, not RGBA', () => {
    const bitmap = overlayBitmap(1);
    if (!bitmap) throw new Error('no bitmap');
    const i = (1 * 16 + 8) * 4;
    expect([...bitmap.bgra.subarray(i, i + 4)]).toEqual([discColor.b, discColor.g, discColor.r, 255]);
  });

  it('premultiplies the antialiased edge (no channel above alpha)', () => {
    const bitmap = overlayBitmap(5);
    if (!bitmap) throw new Error('no bitmap');
    let partial = 0;
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        const p = pixel(bitmap, x, y);
        for (const channel of [p.r, p.g, p.b]) expect(channel).toBeLessThanOrEqual(p.a ?? 0);
        if (p.a !== undefined && p.a > 0 && p.a < 255) partial++;
      }
    }
    expect(partial).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('writes the count %s in white, inside the disc', (count) => {
    const bitmap = overlayBitmap(count);
    if (!bitmap) throw new Error('no bitmap');
    const text = labelPixels(count > 9 ? '9+' : String(count));
    expect(text.length).toBeGreaterThan(0);
    for (const { x, y } of text) {
      expect(pixel(bitmap, x, y)).toEqual(white);
      expect(insideDisc(x, y, 1)).toBe(true);
    }
    // White is only ever the text.
    let whites = 0;
    for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) if (pixel(bitmap, x, y).r === 255) whites++;
    expect(whites).toBe(text.length);
  });

  it('draws a different picture for each digit', () => {
    const pictures = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => overlayBitmap(n)?.bgra.toString('hex')));
    expect(pictures.size).toBe(9);
  });

  it('draws "9+" for 10 and for 100, not "9"', () => {
    const ten = overlayBitmap(10)?.bgra;
    expect(ten).toBeDefined();
    expect(overlayBitmap(100)?.bgra.equals(ten ?? Buffer.alloc(0))).toBe(true);
    expect(overlayBitmap(9)?.bgra.equals(ten ?? Buffer.alloc(0))).toBe(false);
    // The plus sign's centre, right of the 9.
    const pluses = labelPixels('9+').filter(({ x }) => x > 8);
    expect(pluses.length).toBeGreaterThan(0);
  });
});

describe('showOverdueCount', () => {
  const ports = () => {
    const calls: unknown[][] = [];
    const image = { isEmpty: () => false } as unknown as NativeImage;
    return {
      calls,
      image,
      ports: {
        app: {
          setBadgeCount: (count?: number) => {
            calls.push(['setBadgeCount', count]);
            return true;
          },
        },
        window: {
          setOverlayIcon: (overlay: NativeImage | null, description: string) => {
            calls.push(['setOverlayIcon', overlay, description]);
          },
        },
        createImage: (bitmap: OverlayBitmap) => {
          calls.push(['createImage', bitmap.width, bitmap.height, bitmap.bgra.length]);
          return image;
        },
      },
    };
  };

  it('sets the dock badge on macOS and Linux', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const { calls, ports: p } = ports();
      showOverdueCount(3, platform, p);
      showOverdueCount(0, platform, p);
      expect(calls).toEqual([
        ['setBadgeCount', 3],
        ['setBadgeCount', 0],
      ]);
    }
  });

  it('sets and clears the taskbar overlay on Windows, with its description', () => {
    const { calls, image, ports: p } = ports();
    showOverdueCount(12, 'win32', p, 'fr');
    showOverdueCount(0, 'win32', p);
    expect(calls).toEqual([
      ['createImage', 16, 16, 1024],
      ['setOverlayIcon', image, '12 dossiers en retard'],
      ['setOverlayIcon', null, ''],
    ]);
  });

  it('does nothing on Windows without a window', () => {
    const { calls, ports: p } = ports();
    showOverdueCount(2, 'win32', { ...p, window: null });
    expect(calls.filter(([name]) => name === 'setOverlayIcon')).toEqual([]);
  });
});
