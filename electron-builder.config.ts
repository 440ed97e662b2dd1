import type { Configuration } from 'electron-builder';
import { readLockfile, unneededPackageExcludes } from './scripts/app-dependencies';
import { flipFusesAfterPack } from './scripts/fuses';

/**
 * Installers of the desktop app (`npm run dist`, `dist:win`, `dist:mac`, `dist:linux`), read by
 * electron-builder with `--config electron-builder.config.ts`. A TypeScript file rather than YAML:
 * it is typed by electron-builder's own `Configuration`, it hands the fuse hook over as a function
 * (scripts/fuses.ts), and tests/unit/packaging.test.ts loads it exactly as electron-builder does and
 * runs electron-builder's schema validation on it.
 */

/** The scheme of the links that open a dossier in the app (`klikpay-disputes://dossier/KP-…`). */
export const deepLinkScheme = 'klikpay-disputes';

/** Where electron-builder's `--publish` posts nothing: a reserved name that never resolves. */
export const unconfiguredFeed = 'https://updates.klikandpay.invalid/dispute-desk';

/**
 * The update feed: a folder on any HTTPS server holding the installers and electron-updater's
 * `latest.yml`, `latest-mac.yml`, `latest-linux.yml`. It is set per build with `KLIKPAY_UPDATE_URL`
 * (electron-builder writes it into the package's `resources/app-update.yml`, which electron-updater
 * reads); a build without it gets a feed that never answers, so it never updates itself.
 */
export function updateFeedUrl(env: Record<string, string | undefined> = process.env): string {
  const value = env.KLIKPAY_UPDATE_URL?.trim();
  if (!value) return unconfiguredFeed;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`KLIKPAY_UPDATE_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' || url.username || url.password) {
    throw new Error('KLIKPAY_UPDATE_URL must be an https: URL without credentials');
  }
  return url.href.replace(/\/+$/, '');
}

const config: Configuration = {
  appId: 'com.klikandpay.disputedesk',
  productName: 'Klik & Pay Dispute Desk',
  copyright: 'Copyright © Klik & Pay',
  directories: { output: 'dist', buildResources: 'build' },
  // Plain names: installers and update files travel through URLs (latest.yml names them).
  artifactName: 'klikpay-dispute-desk-${version}-${os}-${arch}.${ext}',

  // The built app only (`npm run build`): main, preload and renderer in out/, and package.json
  // (its `main`). No sources, no source maps, no precompressed copies (the browser host's), and no
  // production dependency the main process does not load (scripts/app-dependencies.ts), and not the
  // parties' portal (out/portal: the API serves it, the desktop never shows it).
  files: [
    'out/**',
    'package.json',
    '!**/*.map',
    '!out/renderer/**/*.{br,gz}',
    '!out/portal/**',
    ...unneededPackageExcludes(readLockfile()),
  ],
  asar: true,
  // No native module is shipped (the packaging test checks it): nothing to rebuild for Electron.
  npmRebuild: false,
  // The UI is French and English: Chromium's own strings (context menus, dialogs) in those only.
  electronLanguages: ['en', 'en-US', 'en-GB', 'fr'],
  // Fuses flipped, then read back, before signing (scripts/fuses.ts).
  afterPack: flipFusesAfterPack,

  protocols: [{ name: 'Klik & Pay Dispute Desk link', schemes: [deepLinkScheme], role: 'Viewer' }],

  publish: { provider: 'generic', url: updateFeedUrl(), channel: 'latest' },

  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'resources/icon.png',
    // Signing: CSC_LINK / CSC_KEY_PASSWORD (or WIN_CSC_LINK) in the release environment.
  },
  nsis: {
    // Per user, in %LOCALAPPDATA%\Programs: no administrator rights, updates without UAC prompts.
    oneClick: true,
    perMachine: false,
    // One installer for both architectures: it installs the one the machine runs.
    artifactName: 'klikpay-dispute-desk-setup-${version}.${ext}',
    // An agent's local cache and pending changes survive an uninstall/reinstall.
    deleteAppDataOnUninstall: false,
  },

  mac: {
    // The zip is what electron-updater (Squirrel.Mac) downloads; the DMG is for first installs.
    target: [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ],
    icon: 'resources/icon-mac.png',
    category: 'public.app-category.business',
    hardenedRuntime: true,
    // Gatekeeper's assessment of a not-yet-notarized build fails; notarization is what counts.
    gatekeeperAssess: false,
    // allow-jit only, for the app and every helper (reasons in the file).
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // Signing: CSC_LINK / CSC_KEY_PASSWORD or a keychain identity; notarization runs when
    // APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER (or APPLE_ID…) are set.
  },
  dmg: { artifactName: 'klikpay-dispute-desk-${version}-${arch}.${ext}' },

  linux: {
    target: [{ target: 'AppImage', arch: ['x64'] }],
    icon: 'resources/icon.png',
    category: 'Office',
    executableName: 'klikpay-dispute-desk',
    synopsis: 'Dispute settlement back office of Klik & Pay',
  },
};

export default config;
