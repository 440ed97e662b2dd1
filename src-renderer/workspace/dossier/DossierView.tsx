import type { Ref, RefObject } from 'react';
import { useCallback, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ActorRef, Dossier } from '../../../src-shared/domain/model';
import { useDesk } from '../../data/desk';
import { useDossier } from '../../data/dossier';
import { usePresence } from '../../data/presence';
import { useMarkRead } from '../../data/reads';
import type { Party } from '../../cache/profiles';
import { useStaff } from '../../data/queues';
import { useT } from '../../i18n/hooks';
import { isUnavailable } from '../../ui/ActionButton';
import { useNow } from '../../ui/clock';
import type { AuditViewState } from './audit-trail';
import { initialAuditView } from './audit-trail';
import { AuditTrail } from './AuditTrail';
import { CloseDialog, ReopenDialog } from './ClosureDialogs';
import type { ComposerHandle } from './Composer';
import { Composer } from './Composer';
import { DossierHeader } from './DossierHeader';
import type { DossierDialog } from './DossierToolbar';
import { DossierToolbar } from './DossierToolbar';
import { FollowUpDialog } from './FollowUpDialog';
import type { DossierPane } from './PaneSwitch';
import { PaneSwitch } from './PaneSwitch';
import { PartyProfile } from './PartyProfile';
import { RejectionList } from './Refusals';
import { TagsEditor } from './TagsEditor';
import type { TimelineHandle } from './Timeline';
import { Timeline } from './Timeline';
import { TransactionPanel } from './TransactionPanel';
import { ruleCheck } from './use-action';
import type { HeldSend, PutBack } from './use-composer';
import type { CompactHeader } from './use-compact-header';
import { useCompactHeader } from './use-compact-header';
import './dossier.css';

import { paletteActions } from './palette-actions';
import type { PaletteAction } from './palette-actions';
export type { PaletteAction } from './palette-actions';

/** What the workspace's shortcuts call on the open dossier (r, n, c). */

export interface DossierViewHandle {
  /** The actions offered on this dossier now, and whether the rules allow each. */
  available: () => { action: PaletteAction; enabled: boolean }[];
  /** Does one of them, as a click on its control would (its dialog, its refusal, its toast). */
  act: (action: PaletteAction) => void;
  /** r: the caret in the composer, addressed to a party. */
  focusReply: () => void;
  /** n: the caret in the composer, as an internal note. */
  focusNote: () => void;
  /** c: the close dialog, when the dossier can be closed. */
  openClose: () => void;
  /** A message taken back (an undone send): its text goes back in the composer. */
  putBack: (message: PutBack) => void;
}

export interface DossierViewProps {
  dossierId: string;
  /** Shown as a back arrow before the reference when given (e.g. to return to the list). */
  onBack?: () => void;
  /**
   * The agent left the composer (a message went, or Escape): the workspace moves the focus on, and
   * offers the Undo of a reply or forward held back (`held`).
   */
  onLeaveComposer?: (held?: HeldSend) => void;
  /** Opens with the close dialog (c pressed on this dossier's row while another was open). */
  closing?: boolean;
  /** The reference's heading level: 2 beside a list that has the page's h1, 1 when alone. */
  headingLevel?: 1 | 2;
  /** Opens another dossier (from a party's profile). */
  onOpenDossier?: (dossierId: string) => void;
  /** "Mark as unread" (the palette, `u`): offered when given. */
  onMarkUnread?: (dossierId: string, reference: string) => void;
  ref?: Ref<DossierViewHandle>;
}

/**
 * One dossier as an agent works it all day: the header (whose move, until when, who else is here),
 * the transaction, one timeline of correspondence and audit trail, and the composer; or, switched
 * to from the toolbar, the whole audit trail as its own view (`AuditTrail`). Everything is read from
 * the local cache and every action goes through the desk's `perform`.
 */
export function DossierView({
  dossierId,
  onBack,
  onLeaveComposer,
  closing = false,
  headingLevel = 2,
  onMarkUnread,
  onOpenDossier,
  ref,
}: DossierViewProps) {
  const t = useT();
  const view = useDossier(dossierId);
  const [writing, setWriting] = useState(false);
  const others = usePresence(dossierId, writing ? 'writing' : 'viewing');
  const composer = useRef<ComposerHandle>(null);
  const [dialog, setDialog] = useState<DossierDialog | null>(closing ? 'close' : null);
  const closable = view ? view.dossier.status !== 'closed' : false;
  // What shows under the header, and the audit trail's order and filters: kept while the dossier is
  // open (the workspace gives each opened dossier a view of its own).
  const [pane, setPane] = useState<DossierPane>('correspondence');
  const [auditView, setAuditView] = useState<AuditViewState>(initialAuditView);
  // The composer's shortcuts bring the correspondence back first: its composer is hidden, not gone.
  const toComposer = useCallback(() => {
    if (pane !== 'correspondence') flushSync(() => setPane('correspondence'));
    return composer.current;
  }, [pane]);

  const root = useRef<HTMLDivElement>(null);
  const header = useCompactHeader(root, view !== null && view !== undefined);
  const { setCompact } = header;
  const control = (action: PaletteAction) =>
    root.current?.querySelector<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(
      `[data-action="${action}"]`,
    ) ?? null;
  useImperativeHandle(
    ref,
    () => ({
      available: () =>
        paletteActions.flatMap((action): { action: PaletteAction; enabled: boolean }[] => {
          if (action === 'mark-unread') return view && onMarkUnread ? [{ action, enabled: true }] : [];
          if (action === 'remind') {
            const send = root.current?.querySelector<HTMLButtonElement>('[data-send="remind"]');
            return send ? [{ action, enabled: !isUnavailable(send) }] : [];
          }
          const found = control(action);
          return found ? [{ action, enabled: !isUnavailable(found) }] : [];
        }),
      act: (action) => {
        if (action === 'mark-unread') {
          if (view) onMarkUnread?.(view.dossier.id, view.dossier.reference);
        } else if (action === 'remind') toComposer()?.focus('remind');
        else {
          const found = control(action);
          if (!found || isUnavailable(found)) return;
          // A control of the compact header's hidden lines: shown first, to take the focus.
          if (found.closest('[hidden]')) flushSync(() => setCompact(false));
          if (found instanceof HTMLButtonElement) found.click();
          else found.focus();
        }
      },
      focusReply: () => toComposer()?.focus('reply'),
      focusNote: () => toComposer()?.focus('note'),
      openClose: () => {
        if (closable) setDialog('close');
      },
      putBack: (message) => composer.current?.putBack(message),
    }),
    [closable, setCompact, toComposer, view, onMarkUnread],
  );

  if (view === null) {
    return (
      <div className="dossier-view dossier-view--message" role="status">
        {t('common.loading')}
      </div>
    );
  }
  if (view === undefined) {
    return (
      <div className="dossier-view dossier-view--message">
        <p>{t('dossierView.notFound')}</p>
      </div>
    );
  }
  return (
    <Loaded
      rootRef={root}
      view={view}
      others={others}
      onBack={onBack}
      onLeaveComposer={onLeaveComposer}
      headingLevel={headingLevel}
      composer={composer}
      header={header}
      dialog={dialog}
      setDialog={setDialog}
      setWriting={setWriting}
      pane={pane}
      setPane={setPane}
      auditView={auditView}
      setAuditView={setAuditView}
      onOpenDossier={onOpenDossier}
    />
  );
}

interface LoadedProps {
  rootRef: RefObject<HTMLDivElement | null>;
  view: NonNullable<ReturnType<typeof useDossier>>;
  others: ReturnType<typeof usePresence>;
  onBack?: () => void;
  onLeaveComposer?: ((held?: HeldSend) => void) | undefined;
  headingLevel: 1 | 2;
  composer: RefObject<ComposerHandle | null>;
  header: CompactHeader;
  dialog: DossierDialog | null;
  setDialog: (dialog: DossierDialog | null) => void;
  setWriting: (writing: boolean) => void;
  pane: DossierPane;
  setPane: (pane: DossierPane) => void;
  auditView: AuditViewState;
  setAuditView: (view: AuditViewState) => void;
  onOpenDossier?: ((dossierId: string) => void) | undefined;
}

function Loaded({
  rootRef,
  view,
  others,
  onBack,
  onLeaveComposer,
  headingLevel,
  composer,
  header,
  dialog,
  setDialog,
  setWriting,
  pane,
  setPane,
  auditView,
  setAuditView,
  onOpenDossier,
}: LoadedProps) {
  const t = useT();
  const { user, settings } = useDesk();
  const staff = useStaff();
  const now = useNow();
  const d: Dossier = view.dossier;
  const [profile, setProfile] = useState<Party | null>(null);

  const staffNames = useMemo(() => new Map(staff.map((s) => [s.id, s.name])), [staff]);
  const staffName = useCallback(
    (id: string) => staffNames.get(id) ?? (id === user.id ? user.name : id),
    [staffNames, user],
  );
  const actorName = useCallback(
    (actor: ActorRef): string => {
      if (actor.role === 'customer') return d.transaction.customerName;
      if (actor.role === 'merchant') return d.transaction.merchantName;
      if (actor.role === 'system' || actor.id === null) return t('actor.system');
      return staffName(actor.id);
    },
    [d.transaction, staffName, t],
  );
  const check = ruleCheck(d, user, settings, now);
  const closeDialog = useCallback(() => setDialog(null), [setDialog]);
  const putBack = useCallback((message: PutBack) => composer.current?.putBack(message), [composer]);
  const timeline = useRef<TimelineHandle>(null);
  const { setCompact } = header;
  const messages = useMemo(
    () => view.timeline.flatMap((item) => (item.kind === 'message' ? [item.message] : [])),
    [view.timeline],
  );
  // Open, the dossier is read: up to its latest message, and again as new ones come in.
  useMarkRead(
    d.id,
    messages.reduce<string | null>(
      (latest, m) => (latest === null || Date.parse(m.createdAt) > Date.parse(latest) ? m.createdAt : latest),
      null,
    ),
  );
  const showLatest = useCallback(() => timeline.current?.showLatest(), []);
  // A letter fills the composer: the header gives its room, and the message being answered shows.
  const onLetter = useCallback(() => {
    setCompact(true);
    timeline.current?.showLatest();
  }, [setCompact]);

  return (
    <article ref={rootRef} className="dossier-view" aria-label={d.reference}>
      <div className="dossier-view__frame">
        <DossierHeader
          dossier={d}
          user={user}
          now={now}
          headingLevel={headingLevel}
          staffName={staffName}
          others={others}
          pendingCount={view.pending.length}
          onBack={onBack}
          tags={<TagsEditor dossier={d} />}
          toolbar={
            <DossierToolbar
              dossier={d}
              user={user}
              staff={staff}
              check={check}
              onOpenDialog={setDialog}
              views={<PaneSwitch pane={pane} onPaneChange={setPane} />}
            />
          }
          compact={header.compact}
          onCompactChange={setCompact}
          onParty={setProfile}
        />
        <RejectionList rejections={view.rejections} onPutBack={putBack} />
        {pane === 'audit' ? (
          <AuditTrail dossier={d} view={auditView} onViewChange={setAuditView} />
        ) : (
          <div className="dossier-view__body">
            <Timeline
              ref={timeline}
              items={view.timeline}
              now={now}
              paid={d.transaction}
              words={{ actorName, staffName, inactivityDays: settings.inactivityDays }}
            />
            <TransactionPanel dossier={d} actorName={actorName} />
          </div>
        )}
        {/* Hidden, not gone, under the audit trail: what the agent was writing stays as it was. */}
        <div className="dossier-view__composer-slot" hidden={pane !== 'correspondence'}>
          <Composer
            key={d.id}
            ref={composer}
            dossier={d}
            messages={messages}
            onShowLatest={showLatest}
            check={check}
            onWritingChange={setWriting}
            onLetter={onLetter}
            {...(onLeaveComposer ? { onLeave: onLeaveComposer } : {})}
          />
        </div>
      </div>
      <CloseDialog dossier={d} open={dialog === 'close' && d.status !== 'closed'} onClose={closeDialog} />
      <ReopenDialog dossier={d} open={dialog === 'reopen'} onClose={closeDialog} />
      {dialog === 'followUp' ? (
        <FollowUpDialog dossier={d} userId={user.id} now={now} open onClose={closeDialog} />
      ) : null}
      <PartyProfile
        dossier={d}
        party={profile}
        now={now}
        onClose={() => setProfile(null)}
        onOpenDossier={
          onOpenDossier
            ? (id) => {
                setProfile(null);
                onOpenDossier(id);
              }
            : undefined
        }
      />
    </article>
  );
}
