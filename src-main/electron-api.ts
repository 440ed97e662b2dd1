import type {
  App,
  Display,
  Menu,
  MenuItemConstructorOptions,
  NativeImage,
  Rectangle,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  IpcMain,
  Net,
  NotificationConstructorOptions,
  Protocol,
  SafeStorage,
  Session,
  Shell,
  WebContents,
} from 'electron';

/**
 * The part of Electron the main process uses, each piece a `Pick` of Electron's own types. The app
 * entry hands in the real `electron` module; the electron-host harness (tests/electron-host) hands
 * in a stand-in backed by a real Chromium page. Nothing in src-main imports electron's values but
 * the entry, so the same modules run in both.
 */

export type DeskSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** An event the app may cancel (navigation, `<webview>`). */
export interface Preventable {
  preventDefault(): void;
}

// `on`/`once` are declared for the events the app listens to: Electron's return `this` (the whole
// class), which a stand-in could not be.
export type DeskWebContents = Pick<
  WebContents,
  'send' | 'setWindowOpenHandler' | 'getURL' | 'isDestroyed'
> & {
  readonly session: DeskSession;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
};

export type DeskWindow = Pick<
  BrowserWindow,
  | 'loadURL'
  | 'show'
  | 'focus'
  | 'restore'
  | 'isMinimized'
  | 'isDestroyed'
  | 'setOverlayIcon'
  | 'getNormalBounds'
  | 'isMaximized'
  | 'isFullScreen'
  | 'maximize'
  | 'setFullScreen'
> & {
  readonly webContents: DeskWebContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close' | 'closed' | 'resize' | 'move', listener: () => void): unknown;
};

export interface DeskNotificationHandle {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export type DisplayArea = Pick<Display, 'id' | 'workArea'>;
/** The application menu as the app handles it once built. */
export type DeskMenu = Pick<Menu, 'getMenuItemById'>;

export interface ElectronApi {
  app: Pick<
    App,
    | 'getName'
    | 'getVersion'
    | 'getPath'
    | 'isPackaged'
    | 'on'
    | 'whenReady'
    | 'quit'
    | 'requestSingleInstanceLock'
    | 'setBadgeCount'
    | 'setAsDefaultProtocolClient'
    | 'getLocale'
  >;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  protocol: Pick<Protocol, 'handle' | 'registerSchemesAsPrivileged'>;
  net: Pick<Net, 'fetch' | 'isOnline'>;
  safeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'>;
  shell: Pick<Shell, 'openExternal'>;
  BrowserWindow: {
    new (options: BrowserWindowConstructorOptions): DeskWindow;
    getAllWindows(): DeskWindow[];
  };
  Menu: {
    buildFromTemplate(template: MenuItemConstructorOptions[]): DeskMenu;
    setApplicationMenu(menu: DeskMenu | null): void;
  };
  screen: {
    getAllDisplays(): DisplayArea[];
    getPrimaryDisplay(): DisplayArea;
    getDisplayMatching(rect: Rectangle): Pick<Display, 'id'>;
  };
  nativeImage: { createFromBitmap(buffer: Buffer, options: { width: number; height: number }): NativeImage };
  Notification: {
    new (options: NotificationConstructorOptions): DeskNotificationHandle;
    isSupported(): boolean;
  };
}
