import { useCallback, useMemo, useRef, useState } from 'react';
import type { DossierFilter, DossierSort, SavedView } from '../../src-shared/domain/filters';
import { defaultSort, isEmptyFilter } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import type { QueueId } from '../../src-shared/domain/queues';
import { queueIds } from '../../src-shared/domain/queues';
import type { Session } from '../app/session';
import type { QueueQuery } from '../cache/queues';
import { useDesk, useSyncStatus } from '../data/desk';
import { useSteppedNow } from '../data/live';
import { useKnownTags, useMerchants, useQueueCount, useQueueCounts, useStaff } from '../data/queues';
import { useFormat, useT } from '../i18n/hooks';
import { AppShell } from '../ui/AppShell';
import { useNow } from '../ui/clock';
import { HelpOverlay } from '../ui/HelpOverlay';
import { SearchBox } from '../ui/SearchBox';
import { useShortcuts } from '../ui/shortcuts';
import { useUndoSend } from './useUndoSend';
import { useMarkUnread } from './useMarkUnread';
import { useMacroControls } from './macros/useMacros';
import { useTheme } from '../ui/theme';
import { SyncStatusBar } from '../ui/SyncStatusBar';
import { Toasts } from '../ui/Toasts';
import { useToastQueue } from '../ui/toast-queue';
import { UserMenu } from '../ui/UserMenu';
import { Banners } from './Banners';
import { Dashboard, DashboardNav, useBreachNotices } from './dashboard';
import type { DossierViewHandle } from './dossier/DossierView';
import { DossierView } from './dossier/DossierView';
import { BulkBar, FilterBar, SaveViewButton, SavedViewsNav } from './filters';
import type { Selection } from './filters';
import { Palette } from './Palette';
import type { QueueListHandle, RowsHandle } from './queue/QueueList';
import { QueueList } from './queue/QueueList';
import { SearchResults } from './queue/SearchResults';
import { ReauthDialog, RemoveCopyDialog, SignOutDialog } from './SessionDialogs';
import { useHostCommands, useHostLinks, useOverdueBadge } from './useHost';
import { useWorkspaceRoute } from './useRoute';
import { useNotices } from './useNotices';
import { useRefusalToasts } from './useRefusalToasts';
import { WorkspaceSplit } from './WorkspaceSplit';
import './workspace.css';

/**
 * The agent's workspace: queues on the left, the chosen queue (filtered, sorted, selectable) in the
 * middle, the open dossier on the right. Everything reads the local cache; every action goes
 * through the desk's `perform`, so nothing here waits for the network.
 */
export function Workspace({ session }: { session: Session }) {
  const t = useT();
  const format = useFormat();
  const desk = useDesk();
  const status = useSyncStatus();
  const now = useSteppedNow(60_000);
  const tick = useNow(30_000);
  const toasts = useToastQueue();

  const [queue, setQueue] = useState<QueueId>('mine');
  const [filter, setFilter] = useState<DossierFilter>({});
  const [sort, setSort] = useState<DossierSort>(defaultSort);
  const [viewId, setViewId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [cursor, setCursor] = useState(0);
  const [search, setSearch] = useState('');
  const [selection, setSelection] = useState<Selection>({ kind: 'ids', ids: [] });
  const [dashboard, setDashboard] = useState(false);
  const supervisor = desk.user.role === 'supervisor';
  const [overlay, setOverlay] = useState<'help' | 'palette' | 'signOut' | 'removeCopy' | 'reauth' | null>(
    null,
  );
  const [pendingAtSignOut, setPendingAtSignOut] = useState(0);

  const list = useRef<QueueListHandle>(null);
  const results = useRef<RowsHandle>(null);
  /** The rows j/k walk: the search results while a search is shown, else the queue. */
  const rows = (): RowsHandle | null => (search ? results.current : list.current);
  const dossier = useRef<DossierViewHandle>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  const query: QueueQuery = useMemo(() => ({ queue, filter, sort }), [queue, filter, sort]);
  const counts = useQueueCounts(now);
  // A queue as it is has its count among every queue's; only a filter is counted on its own.
  const filtered = !isEmptyFilter(filter);
  const filteredCount = useQueueCount(filtered ? query : null, now);
  const count = filtered ? filteredCount : (counts?.[queue] ?? null);
  const staff = useStaff();
  const merchants = useMerchants();
  const knownTags = useKnownTags();
  const staffNames = useMemo(() => new Map(staff.map((u) => [u.id, u.name])), [staff]);

  const resetList = () => {
    setCursor(0);
    setSelection({ kind: 'ids', ids: [] });
  };
  const chooseQueue = (id: QueueId) => {
    setDashboard(false);
    setQueue(id);
    setFilter({});
    setSort(defaultSort);
    setViewId(null);
    setSearch('');
    resetList();
  };
  const chooseView = (view: SavedView) => {
    setDashboard(false);
    if ((queueIds as readonly string[]).includes(view.queue)) setQueue(view.queue as QueueId);
    setFilter(view.filter);
    setSort(view.sort);
    setViewId(view.id);
    setSearch('');
    resetList();
  };
  // The dossier opened by c on its row, to open with its close dialog.
  const [closing, setClosing] = useState<string | null>(null);
  const open = useCallback((id: string) => {
    setDashboard(false);
    setOpenId(id);
    setClosing(null);
  }, []);
  const openDossier = useCallback((d: Dossier) => open(d.id), [open]);
  /** c: the dossier whose row has the focus, else the open one; never another than the agent sees. */
  const closeFocused = () => {
    const row =
      document.activeElement instanceof HTMLElement
        ? document.activeElement.closest<HTMLElement>('[data-dossier-id]')
        : null;
    const id = row?.dataset.dossierId;
    if (id && id !== openId) {
      setOpenId(id);
      setClosing(id);
    } else dossier.current?.openClose();
  };
  const toggle = useCallback(
    (id: string) =>
      setSelection((s) => {
        const ids = s.kind === 'ids' ? s.ids : [];
        return { kind: 'ids', ids: ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id] };
      }),
    [],
  );
  const selectMany = useCallback(
    (ids: readonly string[]) =>
      setSelection((s) => {
        const kept = s.kind === 'ids' ? s.ids : [];
        return { kind: 'ids', ids: [...new Set([...kept, ...ids])] };
      }),
    [],
  );
  const selectedIds = useMemo(() => new Set(selection.kind === 'ids' ? selection.ids : []), [selection]);

  const showDashboard = () => {
    if (!supervisor) return;
    setDashboard(true);
    setSearch('');
  };
  /** A dashboard figure's dossiers: its queue with its filter, which the supervisor may save as a view. */
  const openFiltered = (id: QueueId, f: DossierFilter) => {
    chooseQueue(id);
    setFilter(f);
  };
  useWorkspaceRoute(
    { queue, viewId, openId, search, dashboard },
    { chooseQueue, chooseView, showDashboard, open, toasts },
  );

  useRefusalToasts(toasts, open);
  useHostLinks(toasts, open);
  useNotices(toasts, open, now);
  useBreachNotices(toasts, open, showDashboard, now);
  const undoSend = useUndoSend(toasts, openId, dossier, open);
  const markUnread = useMarkUnread(toasts);
  const macros = useMacroControls(toasts, openId);
  useOverdueBadge();

  const signOut = async (force: boolean) => {
    const result = await session.signOut({ force });
    if (!result.ok) {
      setPendingAtSignOut(result.pending);
      setOverlay('signOut');
    }
  };

  const theme = useTheme();
  useHostCommands(
    {
      palette: () => setOverlay('palette'),
      search: () => searchBox.current?.focus(),
      'sync-now': () => desk.host.syncNow(),
      'toggle-theme': () => theme.setPreference(theme.theme === 'dark' ? 'light' : 'dark'),
      help: () => setOverlay('help'),
      'sign-out': () => void signOut(false),
      'next-dossier': () => rows()?.move(1),
      'previous-dossier': () => rows()?.move(-1),
      reply: () => dossier.current?.focusReply(),
      note: () => dossier.current?.focusNote(),
      'close-dossier': () => dossier.current?.openClose(),
    },
    chooseQueue,
  );

  useShortcuts(
    {
      next: () => rows()?.move(1),
      previous: () => rows()?.move(-1),
      // Search results are opened, not selected.
      select: () => (search ? undefined : list.current?.select(false)),
      selectRange: () => (search ? undefined : list.current?.select(true)),
      reply: () => dossier.current?.focusReply(),
      note: () => dossier.current?.focusNote(),
      close: closeFocused,
      undoSend: () => void undoSend.undoLast(),
      markUnread: () => dossier.current?.act('mark-unread'),
      search: () => searchBox.current?.focus(),
      help: () => setOverlay('help'),
      palette: () => setOverlay('palette'),
    },
    overlay === null,
  );

  const queueName = t(`queue.${queue}`);
  const allMatching = selection.kind === 'all';
  const selectedCount = selection.kind === 'all' ? selection.count : selection.ids.length;

  return (
    <AppShell
      search={
        <SearchBox
          ref={searchBox}
          value={search}
          onChange={setSearch}
          onDown={() => results.current?.move(1)}
        />
      }
      syncStatus={<SyncStatusBar status={status} now={tick} />}
      userMenu={
        <UserMenu
          name={desk.user.name}
          email={desk.user.email}
          onSignOut={() => void signOut(false)}
          onRemoveLocalCopy={() => setOverlay('removeCopy')}
        />
      }
      queues={queueIds.map((id) => ({ id, count: counts?.[id] ?? null }))}
      activeQueue={search || dashboard ? null : queue}
      onSelectQueue={chooseQueue}
      navExtra={
        <>
          {supervisor && <DashboardNav active={dashboard} onSelect={showDashboard} />}
          <SavedViewsNav activeViewId={viewId} onSelect={chooseView} />
        </>
      }
    >
      <Banners onSignInAgain={() => setOverlay('reauth')} onOpen={open} />
      {dashboard && !search ? (
        <Dashboard onOpenQueue={openFiltered} />
      ) : (
        <WorkspaceSplit
          listId="workspace-list"
          list={
            <section id="workspace-list" className="workspace__list" aria-labelledby="queue-title">
              {search ? (
                <SearchResults
                  ref={results}
                  text={search}
                  now={tick}
                  activeId={openId}
                  onOpen={openDossier}
                  staffNames={staffNames}
                />
              ) : (
                <>
                  <header className="workspace__list-header">
                    <h1 id="queue-title" className="workspace__title">
                      {queueName}
                      <span className="workspace__count">{count === null ? '…' : format.number(count)}</span>
                    </h1>
                    <SaveViewButton queue={queue} filter={filter} sort={sort} />
                  </header>
                  <FilterBar
                    queue={queue}
                    filter={filter}
                    sort={sort}
                    onChange={(f, s) => {
                      setFilter(f);
                      setSort(s);
                      setViewId(null);
                      resetList();
                    }}
                    merchants={merchants}
                    staff={staff}
                    knownTags={knownTags}
                  />
                  <div className="workspace__selection">
                    <label className="workspace__select-all">
                      <input
                        type="checkbox"
                        checked={allMatching}
                        disabled={!count}
                        onChange={() =>
                          setSelection(
                            allMatching ? { kind: 'ids', ids: [] } : { kind: 'all', count: count ?? 0 },
                          )
                        }
                      />
                      {t('bulk.selectAllMatching', { count: count ?? 0 })}
                    </label>
                    {selectedCount > 0 && (
                      <BulkBar selection={selection} query={query} now={now} onClear={() => resetList()} />
                    )}
                  </div>
                  <QueueList
                    ref={list}
                    query={query}
                    count={count}
                    now={tick}
                    label={t('queue.dossierList', { queue: queueName })}
                    activeId={openId}
                    cursor={cursor}
                    onCursor={setCursor}
                    onOpen={openDossier}
                    selected={allMatching ? 'all' : selectedIds}
                    onToggle={toggle}
                    onSelectMany={selectMany}
                    staffNames={staffNames}
                  />
                </>
              )}
            </section>
          }
          dossier={
            <section className="workspace__dossier">
              {openId ? (
                <DossierView
                  key={openId}
                  ref={dossier}
                  dossierId={openId}
                  closing={closing === openId}
                  onBack={() => setOpenId(null)}
                  onLeaveComposer={(held) => {
                    rows()?.focusCursor();
                    if (held) undoSend.offer(held);
                  }}
                  onOpenDossier={open}
                  onMarkUnread={(id, reference) => {
                    // As a mail client does: back to the list, the dossier left for later.
                    markUnread(id, reference);
                    setOpenId(null);
                    rows()?.focusCursor();
                  }}
                />
              ) : (
                <p className="workspace__empty">
                  {t('list.noDossierOpen')}
                  <br />
                  <span className="workspace__hint">{t('list.shortcutsHint')}</span>
                </p>
              )}
            </section>
          }
        />
      )}
      <Toasts toasts={toasts.toasts} onDismiss={toasts.dismiss} />
      {macros.dialog}
      <HelpOverlay open={overlay === 'help'} onClose={() => setOverlay(null)} />
      <Palette
        open={overlay === 'palette'}
        onClose={() => setOverlay(null)}
        counts={counts}
        onQueue={chooseQueue}
        onSearch={() => searchBox.current?.focus()}
        onHelp={() => setOverlay('help')}
        onSignOut={() => void signOut(false)}
        dossier={openId ? dossier : null}
        more={macros.commands}
        onReference={(reference) =>
          void desk.db.dossiers
            .where('reference')
            .equals(reference)
            .first()
            .then((found) => {
              // Not a full reference, or not in this copy: the search says what matches.
              if (found) open(found.id);
              else setSearch(reference);
            })
        }
      />
      <SignOutDialog
        open={overlay === 'signOut'}
        pending={pendingAtSignOut}
        onStay={() => setOverlay(null)}
        onSignOut={() => {
          setOverlay(null);
          void signOut(true);
        }}
      />
      <RemoveCopyDialog
        open={overlay === 'removeCopy'}
        pending={status.pending}
        onCancel={() => setOverlay(null)}
        onConfirm={() => session.signOut({ removeLocalCopy: true })}
      />
      <ReauthDialog open={overlay === 'reauth'} session={session} onClose={() => setOverlay(null)} />
    </AppShell>
  );
}
