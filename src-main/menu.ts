import type { MenuItemConstructorOptions } from 'electron';
import type { DeskCommand, QueueCommand } from '../src-shared/contract/bridge';
import { queueIds } from '../src-shared/domain/queues';
import type { MenuLabels } from './menu-labels';

export type { MenuLabels, MenuLocale } from './menu-labels';
export { menuLabels } from './menu-labels';

/**
 * The application menu. It carries the desk's own commands (the renderer's shortcuts, see
 * src-renderer/ui/shortcuts.ts, and its command palette) so they can be found with the mouse and
 * read by screen readers, and sends them to the renderer as `DeskCommand`s; the rest is the
 * platform's usual menus built from Electron roles.
 *
 * Accelerators, and why some commands have none:
 * - The renderer's letter shortcuts (j/k next/previous, r reply, n note, c close, / search, ?
 *   help) are handled in the page, which ignores them while the agent types in a field. A menu
 *   accelerator on a bare letter would be taken by the menu before the page sees the key, on
 *   every key press: typing "jack" in a reply would move through dossiers. So those items have
 *   no registered accelerator. On Windows and Linux the key is still shown beside the item
 *   (`registerAccelerator: false`: displayed, not registered); macOS has no display-only
 *   accelerators, so there the help overlay (?) lists them.
 * - Registered accelerators all carry Cmd/Ctrl (or are function keys), and none is an
 *   editing chord (Cmd/Ctrl + C, V, X, Z, Y, A) nor a chord of the roles used here (Cmd/Ctrl + 0
 *   is Actual Size, hence no accelerator for the tenth queue).
 * - Cmd/Ctrl+K (palette) is also handled by the page. Where the menu takes the key first the page
 *   never sees it; where both act, the renderer must treat a command as idempotent (opening an
 *   open palette does nothing) — it does, opening overlays by setting state.
 *
 * Labels: English and French, kept here (the main process cannot import the renderer's
 * catalogue); the terms follow src-renderer/i18n/catalogue. `&` marks a mnemonic (Alt+letter on
 * Windows and Linux, stripped on macOS), so a literal ampersand is written `&&`.
 */

const queueCommands: readonly QueueCommand[] = queueIds.map((id): QueueCommand => `queue:${id}`);

/**
 * Registered accelerators of the desk's commands. Cmd/Ctrl+1…9 go to the first nine queues, in
 * the sidebar's order.
 */
function registeredAccelerator(command: DeskCommand, mac: boolean): string | undefined {
  switch (command) {
    case 'palette':
      return 'CmdOrCtrl+K';
    case 'search':
      // Cmd/Ctrl+F: the desk has no find-in-page; searching dossiers is what "find" means here.
      return 'CmdOrCtrl+F';
    case 'sync-now':
      // Where a browser reloads; the role `reload` (same chord) is not in this menu.
      return 'CmdOrCtrl+R';
    case 'help':
      // F1 on Windows and Linux; on macOS Cmd+? belongs to the Help menu's search field.
      return mac ? undefined : 'F1';
    default: {
      const queue = queueCommands.indexOf(command as QueueCommand);
      return queue >= 0 && queue < 9 ? `CmdOrCtrl+${queue + 1}` : undefined;
    }
  }
}

/** The renderer's single-key shortcuts, shown but never registered (see the module comment). */
const letterKeys: Partial<Record<DeskCommand, string>> = {
  'next-dossier': 'J',
  'previous-dossier': 'K',
  reply: 'R',
  note: 'N',
  'close-dossier': 'C',
};

export interface MenuOptions {
  /** Developer items (force reload, developer tools): unpackaged builds only. */
  dev?: boolean;
}

export function menuTemplate(
  platform: NodeJS.Platform,
  labels: MenuLabels,
  send: (command: DeskCommand) => void,
  options: MenuOptions = {},
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const command = (id: DeskCommand): MenuItemConstructorOptions => {
    const item: MenuItemConstructorOptions = { id, label: labels.commands[id], click: () => send(id) };
    const accelerator = registeredAccelerator(id, mac);
    const letter = letterKeys[id];
    if (accelerator) item.accelerator = accelerator;
    else if (letter && !mac) {
      item.accelerator = letter;
      item.registerAccelerator = false;
    }
    return item;
  };
  const role = (
    name: NonNullable<MenuItemConstructorOptions['role']>,
    label: string,
  ): MenuItemConstructorOptions => ({ role: name, label });
  const { roles, menus } = labels;

  const edit: MenuItemConstructorOptions = {
    label: menus.edit,
    submenu: [
      role('undo', roles.undo),
      role('redo', roles.redo),
      separator,
      role('cut', roles.cut),
      role('copy', roles.copy),
      role('paste', roles.paste),
      ...(mac ? [role('pasteAndMatchStyle', roles.pasteAndMatchStyle)] : []),
      role('delete', roles.delete),
      separator,
      role('selectAll', roles.selectAll),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: menus.view,
    submenu: [
      command('palette'),
      command('search'),
      { label: menus.goToQueue, submenu: queueCommands.map(command) },
      separator,
      command('sync-now'),
      command('toggle-theme'),
      separator,
      role('resetZoom', roles.resetZoom),
      role('zoomIn', roles.zoomIn),
      role('zoomOut', roles.zoomOut),
      separator,
      role('togglefullscreen', roles.toggleFullScreen),
      ...(options.dev
        ? [separator, role('forceReload', roles.forceReload), role('toggleDevTools', roles.toggleDevTools)]
        : []),
    ],
  };

  const dossier: MenuItemConstructorOptions = {
    label: menus.dossier,
    submenu: [
      command('next-dossier'),
      command('previous-dossier'),
      separator,
      command('reply'),
      command('note'),
      separator,
      command('close-dossier'),
    ],
  };

  if (mac) {
    return [
      {
        label: labels.appName,
        submenu: [
          role('about', roles.about),
          separator,
          role('services', roles.services),
          separator,
          role('hide', roles.hide),
          role('hideOthers', roles.hideOthers),
          role('unhide', roles.showAll),
          separator,
          command('sign-out'),
          role('quit', roles.quitApp),
        ],
      },
      edit,
      view,
      dossier,
      {
        // `window`/`help` roles: macOS adds the open windows, and the Help search field.
        label: menus.window,
        role: 'window',
        submenu: [
          role('minimize', roles.minimize),
          role('zoom', roles.zoom),
          separator,
          role('front', roles.front),
          separator,
          role('close', roles.close),
        ],
      },
      { label: menus.help, role: 'help', submenu: [command('help')] },
    ];
  }

  return [
    {
      label: menus.file,
      submenu: [
        command('sign-out'),
        // No accelerator on Windows (the role has none: Alt+F4 closes the window); Ctrl+Q on Linux.
        role('quit', platform === 'win32' ? roles.exit : roles.quit),
      ],
    },
    edit,
    view,
    dossier,
    { label: menus.help, role: 'help', submenu: [command('help'), separator, role('about', roles.about)] },
  ];
}
