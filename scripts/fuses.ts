import { join } from 'node:path';
import type { FuseV1Config } from '@electron/fuses';
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { Arch } from 'electron-builder';

/**
 * Electron's fuses for the packaged app (https://www.electronjs.org/docs/latest/tutorial/fuses):
 * switches compiled into the Electron binary, flipped once at packaging, before the app is signed,
 * so nothing at run time (an environment variable, a command-line flag, a file beside the app) can
 * turn them back. Checked by tests/unit/packaging.test.ts.
 */
export const fuseSettings = {
  version: FuseVersion.V1,
  // The binary cannot be started as a plain Node.js (`ELECTRON_RUN_AS_NODE=1`) to run any script
  // with the app's identity, its signature and its keychain/macOS privacy grants.
  [FuseV1Options.RunAsNode]: false,
  // Cookies on disk are encrypted with a key kept in the OS's store (Keychain, DPAPI, libsecret).
  [FuseV1Options.EnableCookieEncryption]: true,
  // `NODE_OPTIONS` (e.g. `--require evil.js`) is ignored by the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // `--inspect`, `--inspect-brk`… are ignored: no debugger can be attached to the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder embeds in the signed binary (Info.plist
  // on macOS, a resource of the .exe on Windows): a tampered archive does not start.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app is loaded from app.asar only, never from an `app/` folder someone drops beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // One V8 snapshot for every process (Electron's default); the app ships no custom snapshot.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://, never file://: file: pages get no extra privilege.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // WasmTrapHandlers is left at Electron's default (on): it is a V8 performance feature, not a door.
} as const satisfies FuseV1Config;

/** The fuses this app sets, by name, with the state each must have in the packaged binary. */
export function expectedFuseStates(): { name: string; index: number; state: FuseState }[] {
  return Object.entries(fuseSettings)
    .filter(([key]) => key !== 'version')
    .map(([key, on]) => {
      const index = Number(key);
      return {
        name: FuseV1Options[index] ?? `fuse #${key}`,
        index,
        state: on ? FuseState.ENABLE : FuseState.DISABLE,
      };
    });
}

/** The part of electron-builder's afterPack context the fuses need. */
export interface FuseTarget {
  appOutDir: string;
  electronPlatformName: string;
  arch: Arch;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** Where electron-builder left the app's Electron binary (a macOS `.app` bundle is resolved by @electron/fuses). */
export function electronBinaryPath({ appOutDir, electronPlatformName, packager }: FuseTarget): string {
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${name}.app`);
    case 'win32':
      return join(appOutDir, `${name}.exe`);
    case 'linux':
      return join(appOutDir, packager.executableName ?? name);
    default:
      throw new Error(`fuses: no Electron binary known for platform "${electronPlatformName}"`);
  }
}

/**
 * electron-builder's `afterPack` hook: flips the fuses, then reads them back from the binary and
 * fails the build if any is not what `fuseSettings` says, so an installer is never made from a
 * binary whose fuses did not take. Runs before signing (electron-builder signs after afterPack).
 */
export async function flipFusesAfterPack(context: AfterPackContext | FuseTarget): Promise<void> {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, {
    ...fuseSettings,
    // On Apple silicon an edited binary must be signed again to start at all; when no identity
    // signs it later (a local build), an ad-hoc signature keeps it runnable.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
  });

  const wire: Partial<Record<number, FuseState>> = await getCurrentFuseWire(binary);
  const wrong = expectedFuseStates().filter(({ index, state }) => wire[index] !== state);
  if (wrong.length > 0) {
    throw new Error(`fuses not set in ${binary}: ${wrong.map((fuse) => fuse.name).join(', ')}`);
  }
  const known = new Set(expectedFuseStates().map(({ index }) => index));
  const unnamed = Object.keys(wire)
    .map(Number)
    .filter((index) => Number.isInteger(index) && !known.has(index) && wire[index] !== FuseState.REMOVED);
  for (const index of unnamed) {
    // A newer Electron may add fuses: they keep its default until someone decides (see above).
    console.log(`fuses: ${FuseV1Options[index] ?? `fuse #${index}`} left at Electron's default`);
  }
  console.log(`fuses: ${expectedFuseStates().length} fuses set and verified in ${binary}`);
}
