import type { App, BrowserWindow, NativeImage } from 'electron';

/**
 * The agent's overdue dossiers at a glance, outside the window: the count on the dock icon (macOS,
 * and Linux docks with the LauncherEntry API) via `app.setBadgeCount`; on Windows, which has no
 * badge count, a 16×16 overlay on the taskbar button drawn here — a red disc with the count in
 * white — so no image files ship for it and no canvas is needed in the main process.
 */

export type BadgeLocale = 'en' | 'fr';

/** A count the platform can show: a whole number ≥ 0 (NaN, negatives and fractions are not). */
const normalized = (count: number): number => (Number.isFinite(count) && count > 0 ? Math.floor(count) : 0);

/** The accessible description ("3 overdue dossiers"), also the overlay's tooltip text on Windows. */
export function badgeText(count: number, locale: BadgeLocale = 'en'): string {
  const n = normalized(count);
  if (locale === 'fr') {
    if (n === 0) return 'Aucun dossier en retard';
    return n === 1 ? '1 dossier en retard' : `${n} dossiers en retard`;
  }
  if (n === 0) return 'No overdue dossiers';
  return n === 1 ? '1 overdue dossier' : `${n} overdue dossiers`;
}

/** What the overlay shows: `1`…`9`, `9+` above (two glyphs are all 16 px can hold), null at 0. */
export function overlayLabel(count: number): string | null {
  const n = normalized(count);
  if (n === 0) return null;
  return n > 9 ? '9+' : String(n);
}

/**
 * Pixels in the byte order `nativeImage.createFromBitmap` reads. Electron builds the image with
 * `SkImageInfo::MakeN32(width, height, kPremul_SkAlphaType)`: Skia's native 32-bit format, which
 * is B, G, R, A in memory on little-endian machines (every Windows target: x64 and arm64), with
 * colour premultiplied by alpha. Hence the field name: these bytes are not RGBA.
 */
export interface OverlayBitmap {
  width: 16;
  height: 16;
  bgra: Buffer;
}

const size = 16;

/** A 5×7 pixel font, rows top to bottom, `#` lit. */
const font: Record<string, readonly string[]> = {
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['.###.', '#...#', '....#', '..##.', '....#', '#...#', '.###.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  '+': ['.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'],
};
export const glyphWidth = 5;
export const glyphHeight = 7;
const glyphGap = 1;

/** The disc's red: white text on it has a contrast of 4.9:1 (WCAG AA). */
export const discColor = { r: 0xd9, g: 0x2d, b: 0x20 } as const;

/**
 * The share of pixel (x, y) covered by the disc (centre 8,8, radius 8), from a 4×4 grid of samples:
 * its edge is antialiased rather than jagged.
 */
function discCoverage(x: number, y: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const dx = x + (sx + 0.5) / 4 - size / 2;
      const dy = y + (sy + 0.5) / 4 - size / 2;
      if (dx * dx + dy * dy <= (size / 2) ** 2) inside++;
    }
  }
  return inside / 16;
}

/** Where the label's pixels go: glyphs side by side, the block centred on the disc. */
export function labelPixels(label: string): { x: number; y: number }[] {
  const glyphs = Array.from(label, (ch) => font[ch]);
  const width = glyphs.length * glyphWidth + (glyphs.length - 1) * glyphGap;
  const left = Math.floor((size - width) / 2);
  const top = Math.floor((size - glyphHeight) / 2);
  const pixels: { x: number; y: number }[] = [];
  glyphs.forEach((rows, i) => {
    if (!rows) return;
    rows.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) {
        if (row[x] === '#') pixels.push({ x: left + i * (glyphWidth + glyphGap) + x, y: top + y });
      }
    });
  });
  return pixels;
}

/** The Windows overlay for `count`, or null at 0 (the caller clears the overlay). */
export function overlayBitmap(count: number): OverlayBitmap | null {
  const label = overlayLabel(count);
  if (label === null) return null;
  const bgra = Buffer.alloc(size * size * 4);
  const put = (x: number, y: number, r: number, g: number, b: number, alpha: number) => {
    const i = (y * size + x) * 4;
    // Premultiplied: each colour channel scaled by alpha.
    bgra[i] = Math.round((b * alpha) / 255);
    bgra[i + 1] = Math.round((g * alpha) / 255);
    bgra[i + 2] = Math.round((r * alpha) / 255);
    bgra[i + 3] = alpha;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = Math.round(discCoverage(x, y) * 255);
      if (alpha > 0) put(x, y, discColor.r, discColor.g, discColor.b, alpha);
    }
  }
  // The glyphs sit well inside the disc, where it is opaque.
  for (const { x, y } of labelPixels(label)) put(x, y, 255, 255, 255, 255);
  return { width: size, height: size, bgra };
}

/** What the platform calls need; `createImage` is `(b) => nativeImage.createFromBitmap(b.bgra, b)`. */
export interface BadgePorts {
  app: Pick<App, 'setBadgeCount'>;
  /** The main window, for the taskbar overlay (Windows); none when it is closed. */
  window: Pick<BrowserWindow, 'setOverlayIcon'> | null;
  createImage: (bitmap: OverlayBitmap) => NativeImage;
}

/** Shows `count` the way the platform can. */
export function showOverdueCount(
  count: number,
  platform: NodeJS.Platform,
  ports: BadgePorts,
  locale: BadgeLocale = 'en',
): void {
  const n = normalized(count);
  if (platform === 'win32') {
    if (!ports.window) return;
    const bitmap = overlayBitmap(n);
    ports.window.setOverlayIcon(
      bitmap ? ports.createImage(bitmap) : null,
      bitmap ? badgeText(n, locale) : '',
    );
    return;
  }
  // 0 hides the badge. The answer (false without notification permission on macOS, or without a
  // LauncherEntry-aware dock on Linux) changes nothing the app could do.
  ports.app.setBadgeCount(n);
}
