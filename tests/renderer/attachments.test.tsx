import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { toBase64 } from '../../src-shared/client/base64';
import type { AttachmentFile, Result } from '../../src-shared/contract/bridge';
import type { Attachment, User } from '../../src-shared/domain/model';
import { attachmentLimits } from '../../src-shared/domain/model';
import { CacheDatabase, cacheSchemas } from '../../src-renderer/cache/db';
import type { FetchFile } from '../../src-renderer/cache/files';
import { fileCacheLimits, openFile } from '../../src-renderer/cache/files';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { I18nProvider } from '../../src-renderer/i18n/I18nProvider';
import type { Locale } from '../../src-renderer/i18n/locale';
import { Attachments } from '../../src-renderer/workspace/dossier/Attachments';
import { testDesk } from './desk';

/** The parties' files in the dossier view: each an accessible control, through the real file cache. */

const agent: User = { id: 'a1', name: 'Camille Laurent', email: 'camille@klikpay.test', role: 'agent' };
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const text = new TextEncoder().encode('Tracking: 6A19283746501\n');

const photo: Attachment = {
  id: 'f-photo',
  filename: 'parcel.png',
  contentType: 'image/png',
  size: png.length,
};
const receipt: Attachment = {
  id: 'f-pdf',
  filename: 'receipt.pdf',
  contentType: 'application/pdf',
  size: pdf.length,
};
const notes: Attachment = {
  id: 'f-text',
  filename: 'notes.txt',
  contentType: 'text/plain',
  size: text.length,
};

const served: Record<string, AttachmentFile> = {
  'f-photo': { contentType: 'image/png', contentBase64: toBase64(png) },
  'f-pdf': { contentType: 'application/pdf', contentBase64: toBase64(pdf) },
  'f-text': { contentType: 'text/plain', contentBase64: toBase64(text) },
};

/** The bridge's side: the server's files while online, `offline` otherwise; every call counted. */
function network() {
  const net = { online: true, calls: [] as string[] };
  const fetchFile: FetchFile = async (_dossierId, attachmentId): Promise<Result<AttachmentFile>> => {
    net.calls.push(attachmentId);
    if (!net.online)
      return { ok: false, error: { code: 'offline', message: 'The server cannot be reached.' } };
    const file = served[attachmentId];
    return file ? { ok: true, value: file } : { ok: false, error: { code: 'not_found', message: 'gone' } };
  };
  return { net, fetchFile };
}

let counter = 0;
const opened: CacheDatabase[] = [];
const made: { url: string; blob: Blob }[] = [];
const revoked: string[] = [];
beforeEach(() => {
  made.length = 0;
  revoked.length = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${made.length}`;
    made.push({ url, blob: blob as Blob });
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) await db.delete();
});

function cache(): CacheDatabase {
  const db = new CacheDatabase(`attachments-${++counter}`);
  opened.push(db);
  return db;
}

function show(db: CacheDatabase, fetchFile: FetchFile, attachments: Attachment[], locale: Locale = 'en') {
  const desk = testDesk(db, { user: agent, fetchFile });
  return render(<Attachments dossierId="d-1" attachments={attachments} />, {
    wrapper: ({ children }) => (
      <I18nProvider initialPreference={locale}>
        <DeskContextProvider desk={desk}>{children}</DeskContextProvider>
      </I18nProvider>
    ),
  });
}

const live = () => made.filter((m) => !revoked.includes(m.url));

describe('a photo', () => {
  it('shows as a thumbnail that opens larger in a dialog, with a download; its URLs go with it', async () => {
    const { fetchFile } = network();
    const view = show(cache(), fetchFile, [photo]);
    const thumbnail = await screen.findByRole('button', { name: 'View parcel.png' });
    expect(within(screen.getByRole('list', { name: 'Attachments' })).getByText('parcel.png')).toBeTruthy();
    expect(thumbnail.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/);
    expect(made[0]?.blob.type).toBe('image/png');

    await userEvent.click(thumbnail);
    const dialog = await screen.findByRole('dialog', { name: 'parcel.png' });
    const large = within(dialog).getByRole('img', { name: 'parcel.png' });
    expect(large.getAttribute('src')).toMatch(/^blob:/);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('parcel.png');
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(clicked).toHaveBeenCalledTimes(1);

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(revoked).toContain(large.getAttribute('src'));
    view.unmount();
    await waitFor(() => expect(live()).toEqual([]));
  });

  it('opens again offline from the cache; never opened here, it says it needs a connection', async () => {
    const db = cache();
    const { net, fetchFile } = network();
    const first = show(db, fetchFile, [photo]);
    await screen.findByRole('button', { name: 'View parcel.png' });
    first.unmount();

    net.online = false;
    const again = show(db, fetchFile, [photo]);
    await screen.findByRole('button', { name: 'View parcel.png' });
    expect(net.calls).toEqual(['f-photo']);
    again.unmount();

    const other = show(cache(), fetchFile, [photo]);
    await screen.findByText('Not on this computer yet: opening it needs a connection.');
    expect(screen.queryByRole('button', { name: 'View parcel.png' })).toBeNull();
    net.online = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'View parcel.png' });
    other.unmount();
  });

  it('does not show a file of another type than its message declared', async () => {
    const fetchFile: FetchFile = async () => ({ ok: true, value: served['f-pdf'] as AttachmentFile });
    show(cache(), fetchFile, [photo]);
    await screen.findByText('The file could not be opened.');
    expect(screen.queryByRole('img')).toBeNull();
    expect(made).toEqual([]);
  });
});

describe('a PDF', () => {
  it('opens in a viewer dialog of a blob typed application/pdf, with a download as a fallback', async () => {
    const { net, fetchFile } = network();
    show(cache(), fetchFile, [receipt]);
    expect(net.calls).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Open receipt.pdf' }));
    const dialog = await screen.findByRole('dialog', { name: 'receipt.pdf' });
    const frame = await within(dialog).findByTitle('The document receipt.pdf');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toMatch(/^blob:/);
    expect(made.map((m) => m.blob.type)).toEqual(['application/pdf']);
    expect(within(dialog).getByRole('button', { name: 'Download' })).toBeTruthy();
    expect(within(dialog).getByText(/download it and open it with another app/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(live()).toEqual([]));
  });

  it('says so in the dialog when the file is gone, or when the server sends something else', async () => {
    const { fetchFile } = network();
    show(cache(), fetchFile, [{ ...receipt, id: 'f-gone' }]);
    await userEvent.click(screen.getByRole('button', { name: 'Open receipt.pdf' }));
    const dialog = await screen.findByRole('dialog', { name: 'receipt.pdf' });
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'This file is no longer available.',
    );
    expect(within(dialog).queryByTitle('The document receipt.pdf')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Download' }).hasAttribute('disabled')).toBe(true);
  });

  it('never takes a type outside the allowed list, whatever the bridge answers', async () => {
    const html = {
      contentType: 'text/html',
      contentBase64: toBase64(new TextEncoder().encode('<script>1</script>')),
    };
    const fetchFile = (async () => ({ ok: true, value: html })) as unknown as FetchFile;
    show(cache(), fetchFile, [receipt]);
    await userEvent.click(screen.getByRole('button', { name: 'Open receipt.pdf' }));
    await screen.findByText('The file could not be opened.');
    expect(made).toEqual([]);
  });
});

describe('other files', () => {
  it('are downloaded under their own name, typed as they were attached, never shown', async () => {
    const { fetchFile } = network();
    show(cache(), fetchFile, [notes]);
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await act(async () => screen.getByRole('button', { name: 'Download notes.txt' }).click());
      await vi.waitFor(() => expect(saved).toEqual(['notes.txt']));
      expect(made.map((m) => m.blob.type)).toEqual(['text/plain']);
      expect(await made[0]?.blob.text()).toBe('Tracking: 6A19283746501\n');
      vi.advanceTimersByTime(1_000);
      expect(live()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
    expect(document.querySelector('iframe, img, a[download]')).toBeNull();
  });

  it('of a type that is not allowed, or over the limit, are named and not opened', () => {
    const { net, fetchFile } = network();
    show(cache(), fetchFile, [
      { id: 'f-html', filename: 'page.html', contentType: 'text/html', size: 20 },
      { ...receipt, id: 'f-big', size: attachmentLimits.bytes + 1 },
    ]);
    expect(screen.getByText('Files of this type are not opened here.')).toBeTruthy();
    expect(screen.getByText('This file is over 4 MB: it cannot be opened here.')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(net.calls).toEqual([]);
  });

  it('are offered in French', async () => {
    const { net, fetchFile } = network();
    net.online = false;
    show(cache(), fetchFile, [notes], 'fr');
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger notes.txt' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Pas encore sur cet ordinateur : l’ouvrir demande une connexion.',
    );
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });
});

describe('the file cache', () => {
  it('keeps the most recently opened files within its limits', async () => {
    const db = cache();
    let clock = 0;
    const small: FetchFile = async () => ({ ok: true, value: served['f-text'] as AttachmentFile });
    for (let i = 0; i <= fileCacheLimits.files; i++)
      await openFile(db, small, { dossierId: 'd-1', attachmentId: `f${i}` }, () => ++clock);
    expect(await db.files.count()).toBe(fileCacheLimits.files);
    expect(await db.files.get('f0')).toBeUndefined();
    // Opening a file again makes it recent: the next to leave is the one after it.
    await openFile(db, small, { dossierId: 'd-1', attachmentId: 'f1' }, () => ++clock);
    await waitFor(async () => expect((await db.files.get('f1'))?.openedAt).toBe(clock));
    await openFile(db, small, { dossierId: 'd-1', attachmentId: 'new' }, () => ++clock);
    expect(await db.files.get('f1')).toBeDefined();
    expect(await db.files.get('f2')).toBeUndefined();

    // Bytes count too: a few files of the largest size push the oldest out.
    const large = toBase64(new Uint8Array(attachmentLimits.bytes));
    const big: FetchFile = async () => ({
      ok: true,
      value: { contentType: 'application/pdf', contentBase64: large },
    });
    const count = Math.floor(fileCacheLimits.bytes / attachmentLimits.bytes) + 1;
    for (let i = 0; i < count; i++)
      await openFile(db, big, { dossierId: 'd-1', attachmentId: `big${i}` }, () => ++clock);
    const sizes = (await db.files.toArray()).reduce((sum, f) => sum + f.size, 0);
    expect(sizes).toBeLessThanOrEqual(fileCacheLimits.bytes);
    expect(await db.files.get(`big${count - 1}`)).toBeDefined();
    expect(await db.files.get('big0')).toBeUndefined();
  });

  it('comes with schema version 8, over a cache of version 7 whose rows stay', async () => {
    const name = `attachments-upgrade-${++counter}`;
    const older = new Dexie(name);
    for (const { version, stores } of cacheSchemas.filter((s) => s.version <= 7))
      older.version(version).stores(stores);
    await older.open();
    await older.table('meta').put({ key: 'cursor', value: 'c-42' });
    older.close();
    const db = new CacheDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(8);
    expect((await db.meta.get('cursor'))?.value).toBe('c-42');
    expect(await db.files.count()).toBe(0);
  });
});
