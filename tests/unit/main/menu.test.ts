import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { DeskCommand } from '../../../src-shared/contract/bridge';
import { deskCommands, isDeskCommand } from '../../../src-shared/contract/bridge';
import type { MenuLocale } from '../../../src-main/menu';
import { menuLabels, menuTemplate } from '../../../src-main/menu';
import { queueIds } from '../../../src-shared/domain/queues';

type Platform = 'darwin' | 'win32' | 'linux';
const platforms: Platform[] = ['darwin', 'win32', 'linux'];
const locales: MenuLocale[] = ['en', 'fr'];

const build = (platform: Platform, locale: MenuLocale = 'en', dev = false) => {
  const sent: DeskCommand[] = [];
  const template = menuTemplate(platform, menuLabels(locale), (c) => sent.push(c), { dev });
  return { template, sent };
};

/** Every item, depth first. */
function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
const submenuOf = (item: MenuItemConstructorOptions | undefined) =>
  Array.isArray(item?.submenu) ? item.submenu : [];
const rolesIn = (item: MenuItemConstructorOptions | undefined) =>
  submenuOf(item)
    .map((i) => i.role)
    .filter((r) => r !== undefined);

/** Our click handlers read none of Electron's arguments. */
const click = (item: MenuItemConstructorOptions) => (item.click as (() => void) | undefined)?.();

/** Electron's default accelerators of the roles (lib/browser/api/menu-item-roles.ts), per platform. */
function roleAccelerator(role: string, platform: Platform): string | undefined {
  const mac = platform === 'darwin';
  const defaults: Record<string, string | undefined> = {
    hide: 'Command+H',
    hideOthers: 'Command+Alt+H',
    quit: platform === 'win32' ? undefined : 'CommandOrControl+Q',
    undo: 'CommandOrControl+Z',
    redo: platform === 'win32' ? 'Control+Y' : 'Shift+CommandOrControl+Z',
    cut: 'CommandOrControl+X',
    copy: 'CommandOrControl+C',
    paste: 'CommandOrControl+V',
    pasteAndMatchStyle: mac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V',
    selectAll: 'CommandOrControl+A',
    resetZoom: 'CommandOrControl+0',
    zoomIn: 'CommandOrControl+Plus',
    zoomOut: 'CommandOrControl+-',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
    minimize: 'CommandOrControl+M',
    close: 'CommandOrControl+W',
    reload: 'CmdOrCtrl+R',
    forceReload: 'Shift+CmdOrCtrl+R',
    toggleDevTools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
  };
  return defaults[role];
}

/** One spelling per chord: modifiers resolved for the platform and sorted, the key upper-cased. */
function canonical(accelerator: string, platform: Platform): string {
  const mac = platform === 'darwin';
  const parts = accelerator.split('+');
  const key = (parts.pop() ?? '').toUpperCase();
  const modifiers = parts
    .map((m) => {
      const lower = m.toLowerCase();
      if (lower === 'cmdorctrl' || lower === 'commandorcontrol') return mac ? 'Cmd' : 'Ctrl';
      if (lower === 'cmd' || lower === 'command' || lower === 'super' || lower === 'meta') return 'Cmd';
      if (lower === 'ctrl' || lower === 'control') return 'Ctrl';
      if (lower === 'alt' || lower === 'option') return 'Alt';
      return m;
    })
    .sort();
  return [...modifiers, key].join('+');
}

/** The chords the menu takes from the page: explicit ones unless display-only, and roles' defaults. */
function registered(template: MenuItemConstructorOptions[], platform: Platform) {
  return flatten(template).flatMap((item) => {
    const accelerator = item.accelerator ?? (item.role ? roleAccelerator(item.role, platform) : undefined);
    if (!accelerator || item.registerAccelerator === false) return [];
    return [{ item, chord: canonical(accelerator, platform) }];
  });
}

describe('deskCommands', () => {
  it('lists each command once, with every queue', () => {
    expect(new Set(deskCommands).size).toBe(deskCommands.length);
    for (const id of queueIds) expect(deskCommands).toContain(`queue:${id}`);
    expect(isDeskCommand('palette')).toBe(true);
    expect(isDeskCommand('queue:mine')).toBe(true);
    expect(isDeskCommand('queue:nope')).toBe(false);
    expect(isDeskCommand(42)).toBe(false);
  });
});

describe('menuTemplate: shapes', () => {
  it('macOS: app menu, Edit, View, Dossier, Window, Help', () => {
    const { template } = build('darwin');
    expect(template.map((m) => m.label)).toEqual([
      'Klik && Pay Dispute Desk',
      '&Edit',
      '&View',
      '&Dossier',
      '&Window',
      '&Help',
    ]);
    const [app, edit, , , windowMenu, help] = template;
    expect(rolesIn(app)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(submenuOf(app).map((i) => i.id ?? i.role ?? i.type)).toEqual([
      'about',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'sign-out',
      'quit',
    ]);
    expect(rolesIn(edit)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'selectAll',
    ]);
    expect(windowMenu?.role).toBe('window');
    expect(rolesIn(windowMenu)).toEqual(['minimize', 'zoom', 'front', 'close']);
    expect(help?.role).toBe('help');
  });

  it.each(['win32', 'linux'] as const)('%s: File, Edit, View, Dossier, Help', (platform) => {
    const { template } = build(platform);
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Dossier', '&Help']);
    const [file, edit, , , help] = template;
    expect(submenuOf(file).map((i) => i.id ?? i.role ?? i.type)).toEqual(['sign-out', 'quit']);
    expect(submenuOf(file).at(-1)?.label).toBe(platform === 'win32' ? 'E&xit' : '&Quit');
    expect(rolesIn(edit)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(rolesIn(help)).toEqual(['about']);
    // macOS-only roles stay on macOS.
    const roles = flatten(template).map((i) => i.role);
    for (const macOnly of [
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'front',
      'pasteAndMatchStyle',
    ] as const) {
      expect(roles).not.toContain(macOnly);
    }
  });

  it('has no page reload, and developer tools only when asked', () => {
    for (const platform of platforms) {
      const roles = flatten(build(platform).template).map((i) => i.role);
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('toggleDevTools');
      expect(roles).not.toContain('forceReload');
      const devRoles = flatten(build(platform, 'en', true).template).map((i) => i.role);
      expect(devRoles).toContain('toggleDevTools');
      expect(devRoles).toContain('forceReload');
      expect(devRoles).not.toContain('reload');
    }
  });
});

describe('menuTemplate: commands', () => {
  it.each(platforms.flatMap((p) => locales.map((l) => [p, l] as const)))(
    '%s/%s: every command is reachable once, and a click sends it',
    (platform, locale) => {
      const { template, sent } = build(platform, locale);
      const items = flatten(template).filter((i) => i.click);
      expect(items.map((i) => i.id).sort()).toEqual([...deskCommands].sort());
      for (const item of items) click(item);
      expect(sent).toEqual(items.map((i) => i.id));
    },
  );

  it('puts the queues in a submenu, in the sidebar order, with Cmd/Ctrl+1…9', () => {
    const view = build('win32').template[2];
    const goTo = submenuOf(view).find((i) => i.label === 'Go to &Queue');
    expect(submenuOf(goTo).map((i) => i.id)).toEqual(queueIds.map((id) => `queue:${id}`));
    expect(submenuOf(goTo).map((i) => i.accelerator)).toEqual([
      ...Array.from({ length: 9 }, (_, n) => `CmdOrCtrl+${n + 1}`),
      undefined, // Cmd/Ctrl+0 is Actual Size
    ]);
  });
});

describe('menuTemplate: accelerators', () => {
  it.each(platforms.flatMap((p) => [false, true].map((dev) => [p, dev] as const)))(
    '%s (dev: %s): no chord is taken twice, counting the roles’ own',
    (platform, dev) => {
      const chords = registered(build(platform, 'en', dev).template, platform).map((r) => r.chord);
      expect(chords.length).toBeGreaterThan(10);
      expect(chords.filter((c, i) => chords.indexOf(c) !== i)).toEqual([]);
    },
  );

  it.each(platforms)('%s: commands take no editing chord, and no bare key', (platform) => {
    const mod = platform === 'darwin' ? 'Cmd' : 'Ctrl';
    const editing = new Set(
      ['C', 'V', 'X', 'Z', 'Y', 'A'].flatMap((k) => [`${mod}+${k}`, `Ctrl+${k}`, `Cmd+${k}`]),
    );
    const commands = registered(build(platform).template, platform).filter((r) => r.item.click);
    expect(commands.length).toBeGreaterThan(5);
    for (const { chord } of commands) {
      expect(editing.has(chord), chord).toBe(false);
      // A modifier, or a function key: never a key that types text.
      expect(/\+/.test(chord) || /^F\d+$/.test(chord), chord).toBe(true);
    }
  });

  it('shows the letter shortcuts on Windows and Linux without registering them, and not at all on macOS', () => {
    const letters = {
      'next-dossier': 'J',
      'previous-dossier': 'K',
      reply: 'R',
      note: 'N',
      'close-dossier': 'C',
    };
    for (const platform of ['win32', 'linux'] as const) {
      const items = flatten(build(platform).template);
      for (const [id, key] of Object.entries(letters)) {
        const item = items.find((i) => i.id === id);
        expect(item).toMatchObject({ accelerator: key, registerAccelerator: false });
      }
      // Only they are display-only.
      expect(items.filter((i) => i.registerAccelerator === false).map((i) => i.id)).toEqual(
        Object.keys(letters),
      );
    }
    const mac = flatten(build('darwin').template);
    for (const id of Object.keys(letters)) expect(mac.find((i) => i.id === id)?.accelerator).toBeUndefined();
    expect(mac.some((i) => i.registerAccelerator === false)).toBe(false);
  });

  it('gives the palette, search and sync their chords; help is F1 off macOS', () => {
    const byId = (platform: Platform) => new Map(flatten(build(platform).template).map((i) => [i.id, i]));
    for (const platform of platforms) {
      const items = byId(platform);
      expect(items.get('palette')?.accelerator).toBe('CmdOrCtrl+K');
      expect(items.get('search')?.accelerator).toBe('CmdOrCtrl+F');
      expect(items.get('sync-now')?.accelerator).toBe('CmdOrCtrl+R');
      expect(items.get('help')?.accelerator).toBe(platform === 'darwin' ? undefined : 'F1');
    }
  });
});

describe('menuLabels', () => {
  it.each(locales)('%s: a label for every command and role', (locale) => {
    const labels = menuLabels(locale);
    for (const command of deskCommands) expect(labels.commands[command].trim()).not.toBe('');
    for (const value of Object.values(labels.roles)) expect(value.trim()).not.toBe('');
  });

  it.each(platforms.flatMap((p) => locales.map((l) => [p, l] as const)))(
    '%s/%s: every item is labelled, and no lone & swallows a letter',
    (platform, locale) => {
      for (const item of flatten(build(platform, locale).template)) {
        if (item.type === 'separator') continue;
        expect(item.label?.trim(), JSON.stringify(item.role ?? item.id)).toBeTruthy();
        // Either `&&` (a literal ampersand) or `&` before the mnemonic letter, at most one of those.
        const mnemonics = (item.label ?? '').replace(/&&/g, '').match(/&/g) ?? [];
        expect(mnemonics.length, item.label).toBeLessThanOrEqual(1);
      }
    },
  );

  it.each(locales)('%s: top-level mnemonics are distinct on Windows', (locale) => {
    const keys = build('win32', locale).template.map((m) =>
      /&(\p{L})/u.exec(m.label ?? '')?.[1]?.toLowerCase(),
    );
    expect(keys.every((k) => k !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('speaks French', () => {
    const { template } = build('darwin', 'fr');
    expect(template.map((m) => m.label)).toEqual([
      'Klik && Pay Dispute Desk',
      'É&dition',
      '&Affichage',
      'D&ossier',
      'Fe&nêtre',
      'A&ide',
    ]);
    const items = new Map(flatten(template).map((i) => [i.id ?? i.role, i.label]));
    expect(items.get('next-dossier')).toBe('Dossier suivant');
    expect(items.get('queue:mine')).toBe('Mes dossiers');
    expect(items.get('about')).toBe('À propos de Klik && Pay Dispute Desk');
    expect(items.get('copy')).toBe('Copier');
    expect(submenuOf(build('win32', 'fr').template[0]).at(-1)?.label).toBe('&Quitter');
  });
});
