import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * `npm run icons`: renders `resources/icon.svg` to the PNGs electron-builder turns into the
 * installers' icons (.ico, .icns, Linux sizes), in headless Chromium (CHROMIUM_PATH, or Debian's
 * /usr/bin/chromium). Run it again after changing the SVG and commit the PNGs with it.
 *
 * - `icon.png`, 1024×1024, full bleed: Windows and Linux (the SVG is already a rounded tile).
 * - `icon-mac.png`, 1024×1024: the same tile on Apple's icon grid (an 824-pixel body centred on the
 *   canvas), so the Dock shows it at the size of its neighbours.
 * - `icon-512.png`: a window or tray icon for the main process on Linux, where it is not taken from
 *   the package.
 */

const resources = join(import.meta.dirname, '..', 'resources');

interface IconOutput {
  file: string;
  size: number;
  /** The tile's side within the canvas. */
  body: number;
}

const iconOutputs: readonly IconOutput[] = [
  { file: 'icon.png', size: 1024, body: 1024 },
  { file: 'icon-mac.png', size: 1024, body: 824 },
  { file: 'icon-512.png', size: 512, body: 512 },
];

function pageFor(svg: string, { size, body }: IconOutput): string {
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const style = `html,body{margin:0;background:transparent}body{width:${size}px;height:${size}px;display:grid;place-items:center}`;
  return `<!doctype html><style>${style}</style><img alt="" width="${body}" height="${body}" src="${src}">`;
}

async function main(): Promise<void> {
  const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    for (const output of iconOutputs) {
      const page = await browser.newPage({
        viewport: { width: output.size, height: output.size },
        deviceScaleFactor: 1,
      });
      // Resolves on the page's load event, after its one (inline) image has loaded.
      await page.setContent(pageFor(svg, output), { waitUntil: 'load' });
      const png = await page.screenshot({ omitBackground: true, type: 'png' });
      writeFileSync(join(resources, output.file), png);
      console.log(`resources/${output.file}: ${output.size}×${output.size}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
