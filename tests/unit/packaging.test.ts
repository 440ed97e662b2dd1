import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { Configuration } from 'electron-builder';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { deepLinkScheme, unconfiguredFeed, updateFeedUrl } from '../../electron-builder.config';
import { mainProcessPackages, neededPaths, readLockfile } from '../../scripts/app-dependencies';
import { electronBinaryPath, fuseSettings, flipFusesAfterPack } from '../../scripts/fuses';
import { deepLinkScheme as appDeepLinkScheme } from '../../src-main/deep-link';

/**
 * The desktop packaging, checked without the Electron binary (which cannot be downloaded here):
 * the fuses, electron-builder's configuration as electron-builder itself loads and validates it,
 * the entitlements, the icons, what goes into app.asar — and a rehearsal of electron-builder's whole
 * packaging run over a stand-in Electron distribution (skipped until `npm run build` has run).
 */

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** electron-builder's own loader and schema validation (app-builder-lib is its implementation). */
interface ConfigModule {
  getConfig: (projectDir: string, configPath: string | null, fromOptions: null) => Promise<Configuration>;
  validateConfiguration: (config: Configuration, logger: unknown) => Promise<void>;
}
const { getConfig, validateConfiguration } =
  require('app-builder-lib/out/util/config/config') as ConfigModule;
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

/** Electron's fuse wire as shipped (all defaults), after the sentinel: version 1, 9 fuses. */
const shippedWire = [
  FuseState.ENABLE, // RunAsNode
  FuseState.DISABLE, // EnableCookieEncryption
  FuseState.ENABLE, // EnableNodeOptionsEnvironmentVariable
  FuseState.ENABLE, // EnableNodeCliInspectArguments
  FuseState.DISABLE, // EnableEmbeddedAsarIntegrityValidation
  FuseState.DISABLE, // OnlyLoadAppFromAsar
  FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
  FuseState.ENABLE, // GrantFileProtocolExtraPrivileges
  FuseState.ENABLE, // WasmTrapHandlers
];
/** The marker Electron puts before its fuse wire (@electron/fuses looks for it; not exported there). */
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A file @electron/fuses takes for an Electron binary: bytes, the sentinel and a fuse wire, bytes. */
function fakeElectronBinary(wire: readonly number[] = shippedWire): Buffer {
  const filler = Buffer.alloc(4096, 0x2a);
  return Buffer.concat([filler, Buffer.from(sentinel), Buffer.from([1, wire.length, ...wire]), filler]);
}

const lock = readLockfile();
/** Where npm installed what the main process needs (`node_modules/…`). */
const needed = neededPaths(lock, mainProcessPackages);

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'klikpay-packaging-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('fuses', () => {
  it('are the hardened set, in one constant', () => {
    expect(fuseSettings).toEqual({
      version: '1',
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('are flipped by the afterPack hook and read back from the binary', async () => {
    const appOutDir = join(scratch, 'linux-unpacked');
    mkdirSync(appOutDir);
    const binary = join(appOutDir, 'klikpay-dispute-desk');
    writeFileSync(binary, fakeElectronBinary());
    const target = {
      appOutDir,
      electronPlatformName: 'linux',
      arch: Arch.x64,
      packager: {
        appInfo: { productFilename: 'Klik & Pay Dispute Desk' },
        executableName: 'klikpay-dispute-desk',
      },
    };
    await flipFusesAfterPack(target);
    const wire = (await getCurrentFuseWire(binary)) as Record<number, FuseState>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    // Not named by the app: Electron's default stays.
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
  });

  it('fail the build when the binary has no fuse wire, or one too short for them', async () => {
    const appOutDir = join(scratch, 'broken');
    mkdirSync(appOutDir);
    const target = {
      appOutDir,
      electronPlatformName: 'win32',
      arch: Arch.x64,
      packager: { appInfo: { productFilename: 'Klik & Pay Dispute Desk' } },
    };
    const exe = join(appOutDir, 'Klik & Pay Dispute Desk.exe');
    writeFileSync(exe, Buffer.alloc(8192, 0x2a));
    await expect(flipFusesAfterPack(target)).rejects.toThrow(/sentinel/);
    writeFileSync(exe, fakeElectronBinary(shippedWire.slice(0, 4)));
    await expect(flipFusesAfterPack(target)).rejects.toThrow(/not long enough/);
  });

  it('find the Electron binary electron-builder leaves on each platform', () => {
    const packager = { appInfo: { productFilename: 'Klik & Pay Dispute Desk' } };
    const at = (electronPlatformName: string, executableName?: string) =>
      electronBinaryPath({
        appOutDir: '/out',
        electronPlatformName,
        arch: Arch.arm64,
        packager: executableName ? { ...packager, executableName } : packager,
      });
    expect(at('darwin')).toBe(join('/out', 'Klik & Pay Dispute Desk.app'));
    expect(at('win32')).toBe(join('/out', 'Klik & Pay Dispute Desk.exe'));
    expect(at('linux', 'klikpay-dispute-desk')).toBe(join('/out', 'klikpay-dispute-desk'));
    expect(() => at('freebsd')).toThrow(/no Electron binary/);
  });
});

describe('electron-builder configuration', () => {
  it('loads and passes electron-builder’s own schema validation, as `--config` reads it', async () => {
    const loaded = await getConfig(root, 'electron-builder.config.ts', null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    expect(loaded.appId).toBe('com.klikandpay.disputedesk');
    expect(typeof loaded.afterPack).toBe('function');
  });

  it('names the app and packs it into an asar, flipping the fuses after packing', () => {
    expect(config.appId).toBe('com.klikandpay.disputedesk');
    expect(config.productName).toBe('Klik & Pay Dispute Desk');
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe(flipFusesAfterPack);
    // No native module to rebuild: nothing the app ships runs an install script.
    expect(config.npmRebuild).toBe(false);
  });

  it('packs the built app only: out/ and package.json, no sources, maps or precompressed copies', () => {
    const files = config.files as string[];
    expect(files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(files).toContain('!**/*.map');
    expect(files).toContain('!out/renderer/**/*.{br,gz}');
    expect(
      files.some((pattern) => /src-|tests|scripts|\.ts$/.test(pattern) && !pattern.startsWith('!')),
    ).toBe(false);
  });

  it('registers the deep-link scheme the main process handles', () => {
    expect(deepLinkScheme).toBe('klikpay-disputes');
    expect(deepLinkScheme).toBe(appDeepLinkScheme);
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: [deepLinkScheme] })]);
  });

  it('builds per-user NSIS for Windows x64 and arm64, DMG (and the updater’s zip) for macOS x64 and arm64', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false });
    expect(config.mac?.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, gatekeeperAssess: false });
  });

  it('gives macOS builds the JIT entitlement and nothing dangerous, to the app and its helpers', () => {
    const { entitlements, entitlementsInherit } = config.mac ?? {};
    expect(entitlements).toBe('build/entitlements.mac.plist');
    expect(entitlementsInherit).toBe(entitlements);
    const plist = readFileSync(join(root, entitlements ?? ''), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\s*\/>/g)].map((m) => m[1]);
    expect(granted).toEqual(['com.apple.security.cs.allow-jit']);
    for (const dangerous of [
      'com.apple.security.cs.disable-library-validation',
      'com.apple.security.cs.allow-unsigned-executable-memory',
      'com.apple.security.cs.allow-dyld-environment-variables',
      'com.apple.security.cs.disable-executable-page-protection',
      'com.apple.security.get-task-allow',
    ]) {
      expect(plist).not.toContain(dangerous);
    }
  });

  it('takes its icons from resources/, as 1024-pixel PNGs', () => {
    const pngSize = (file: string) => {
      const bytes = readFileSync(join(root, file));
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    const icons = [config.win?.icon, config.mac?.icon, config.linux?.icon];
    for (const icon of icons) {
      expect(icon).toMatch(/^resources\/.+\.png$/);
      expect(pngSize(icon ?? '')).toEqual([1024, 1024]);
    }
  });

  it('updates from a generic HTTPS feed set per build, never from one that was not configured', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: updateFeedUrl(), channel: 'latest' });
    expect(updateFeedUrl({})).toBe(unconfiguredFeed);
    expect(new URL(unconfiguredFeed).hostname.endsWith('.invalid')).toBe(true);
    expect(updateFeedUrl({ KLIKPAY_UPDATE_URL: ' https://updates.example.com/desk/ ' })).toBe(
      'https://updates.example.com/desk',
    );
    expect(() => updateFeedUrl({ KLIKPAY_UPDATE_URL: 'http://updates.example.com/desk' })).toThrow(/https/);
    expect(() => updateFeedUrl({ KLIKPAY_UPDATE_URL: 'https://u:p@updates.example.com/' })).toThrow(
      /credentials/,
    );
    expect(() => updateFeedUrl({ KLIKPAY_UPDATE_URL: 'updates.example.com' })).toThrow(/not a URL/);
  });
});

describe('the production dependencies in app.asar', () => {
  /** Bare package names imported by a tree of sources. */
  function importedPackages(dir: string): Set<string> {
    const names = new Set<string>();
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name)) continue;
      const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const [, specifier = ''] of source.matchAll(/(?:from|import\(|require\()\s*['"]([^'"]+)['"]/g)) {
        if (specifier.startsWith('.') || isBuiltin(specifier)) continue;
        const parts = specifier.split('/');
        names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
      }
    }
    return names;
  }

  it('include every dependency the main process (and the src-shared it bundles) imports', () => {
    const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const imported = new Set([...importedPackages('src-main'), ...importedPackages('src-shared')]);
    // electron-vite leaves `dependencies` out of the main bundle: those must be in the package.
    const external = [...imported].filter((name) => name in dependencies);
    expect(external.filter((name) => !(mainProcessPackages as readonly string[]).includes(name))).toEqual([]);
  });

  it('are closed under Node’s own resolution, and none has an install script', () => {
    for (const path of needed) {
      const dir = join(root, path);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        const found = dirname(createRequire(join(dir, 'package.json')).resolve(`${dependency}/package.json`));
        expect(needed, `${path} needs ${dependency}`).toContain(
          found.slice(root.length + 1).replaceAll('\\', '/'),
        );
      }
      expect(lock.packages[path] ?? {}, path).not.toHaveProperty('hasInstallScript');
    }
  });

  it('leave out the server’s packages and the renderer’s bundled ones', () => {
    const excluded = (config.files as string[]).filter((pattern) => pattern.startsWith('!**/node_modules/'));
    for (const name of [
      'fastify',
      '@electric-sql/pglite',
      'pg',
      'pino',
      'tsx',
      'react',
      'react-dom',
      'dexie',
    ]) {
      expect(excluded).toContain(`!**/node_modules/${name}/**`);
    }
    for (const name of mainProcessPackages) expect(excluded).not.toContain(`!**/node_modules/${name}/**`);
  });
});

/** The names in an asar archive (its header is a JSON tree after two little pickles). */
function asarFiles(file: string): string[] {
  const bytes = readFileSync(file);
  const json = bytes.subarray(16, 16 + bytes.readUInt32LE(12)).toString('utf8');
  interface Node {
    files?: Record<string, Node>;
  }
  const walk = (node: Node, prefix: string): string[] =>
    Object.entries(node.files ?? {}).flatMap(([name, child]) =>
      child.files ? walk(child, `${prefix}${name}/`) : [`${prefix}${name}`],
    );
  return walk(JSON.parse(json) as Node, '');
}

describe.skipIf(!existsSync(join(root, 'out', 'main', 'index.js')))(
  'electron-builder’s packaging run, over a stand-in Electron (needs `npm run build`)',
  () => {
    it('packs out/ and the needed packages into app.asar, flips the fuses and writes the update feed', async () => {
      // An "unpacked Electron distribution" for Linux: a binary with a fuse wire, some locales.
      const dist = join(scratch, 'electron-dist');
      mkdirSync(join(dist, 'locales'), { recursive: true });
      writeFileSync(join(dist, 'electron'), fakeElectronBinary());
      chmodSync(join(dist, 'electron'), 0o755);
      for (const locale of ['en-US', 'en-GB', 'fr', 'de', 'ja'])
        writeFileSync(join(dist, 'locales', `${locale}.pak`), '');
      const output = join(scratch, 'dist');

      await build({
        projectDir: root,
        targets: Platform.LINUX.createTarget('dir', Arch.x64),
        publish: 'never',
        config: { extends: 'electron-builder.config.ts', electronDist: dist, directories: { output } },
      });

      const unpacked = join(output, 'linux-unpacked');
      const files = asarFiles(join(unpacked, 'resources', 'app.asar'));
      const packages = new Set(
        files
          .filter((file) => file.startsWith('node_modules/'))
          .map((file) =>
            file
              .split('/')
              .slice(0, file.startsWith('node_modules/@') ? 3 : 2)
              .join('/'),
          ),
      );
      expect(files.filter((file) => !file.startsWith('node_modules/')).sort()).toEqual(
        expect.arrayContaining([
          'out/main/index.js',
          'out/preload/index.cjs',
          'out/renderer/index.html',
          'package.json',
        ]),
      );
      expect(files.filter((file) => !file.startsWith('out/') && !file.startsWith('node_modules/'))).toEqual([
        'package.json',
      ]);
      expect(
        files.filter((file) => /\.(map|br|gz|ts|tsx)$/.test(file) && !file.startsWith('node_modules/')),
      ).toEqual([]);
      // Every needed package (a nested copy travels inside its dependent's folder), and nothing
      // else — but a hoisted namesake of a needed nested copy, which the exclusions cannot tell apart.
      const topLevel = [...needed].filter((path) => !path.includes('/node_modules/'));
      expect([...packages]).toEqual(expect.arrayContaining(topLevel));
      const neededNames = new Set([...needed].map((path) => path.split('node_modules/').pop()));
      expect([...packages].filter((path) => !neededNames.has(path.slice('node_modules/'.length)))).toEqual(
        [],
      );
      // Every package the built main process imports is in the archive.
      const mainBundle = readFileSync(join(root, 'out', 'main', 'index.js'), 'utf8');
      for (const [, name = ''] of mainBundle.matchAll(/from\s+"([^".][^"]*)"/g)) {
        if (isBuiltin(name) || name === 'electron') continue;
        expect(packages, `out/main imports ${name}`).toContain(`node_modules/${name.split('/')[0] ?? name}`);
      }

      const wire = (await getCurrentFuseWire(join(unpacked, 'klikpay-dispute-desk'))) as Record<
        number,
        FuseState
      >;
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      expect(readFileSync(join(unpacked, 'resources', 'app-update.yml'), 'utf8')).toContain(
        `provider: generic\nurl: ${updateFeedUrl()}\n`,
      );
      expect(readdirSync(join(unpacked, 'locales')).sort()).toEqual(['en-GB.pak', 'en-US.pak', 'fr.pak']);
    }, 120_000);
  },
);
