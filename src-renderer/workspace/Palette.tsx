import type { RefObject } from 'react';
import { queueIds } from '../../src-shared/domain/queues';
import type { QueueId } from '../../src-shared/domain/queues';
import type { QueueCounts } from '../data/queues';
import { useT } from '../i18n/hooks';
import { CommandPalette } from '../ui/CommandPalette';
import type { PaletteCommand } from '../ui/palette-filter';
import type { DossierViewHandle, PaletteAction } from './dossier/DossierView';

export interface PaletteProps {
  open: boolean;
  onClose: () => void;
  counts: QueueCounts | null;
  onQueue: (id: QueueId) => void;
  onSearch: () => void;
  onHelp: () => void;
  onSignOut: () => void;
  /** The open dossier's handle, when one is open: its actions join the palette. */
  dossier: RefObject<DossierViewHandle | null> | null;
  /** Opens the dossier of this reference, or says it is not here. */
  onReference: (reference: string) => void;
  /** More commands, in their own groups (the team's macros). */
  more?: readonly PaletteCommand[];
}

/** "KP-2026-000123", "kp 2026 123", or a dossier number alone ("000123", at least four digits). */
export function referenceIn(query: string): { reference: string } | { number: string } | null {
  const text = query.trim().toUpperCase();
  const full = /^KP[-\s]?(\d{4})[-\s]?(\d{1,12})$/.exec(text);
  if (full?.[1] && full[2]) return { reference: `KP-${full[1]}-${full[2].padStart(6, '0')}` };
  const number = /^\d{4,12}$/.exec(text);
  return number ? { number: number[0] } : null;
}

const actionLabels = {
  'take-over': 'palette.takeOver',
  'assign-to-me': 'palette.assignToMe',
  unassign: 'palette.unassign',
  assign: 'palette.assign',
  tag: 'palette.tag',
  remind: 'palette.remind',
  'follow-up': 'palette.followUp',
  close: 'palette.closeDossier',
  reopen: 'palette.reopen',
  'mark-unread': 'palette.markUnread',
  'customer-profile': 'palette.customerProfile',
  'merchant-profile': 'palette.merchantProfile',
} as const satisfies Record<PaletteAction, string>;

/** Ctrl/Cmd+K: every queue, the open dossier's main actions, and the app's own commands. */
export function Palette({
  open,
  onClose,
  counts,
  onQueue,
  onSearch,
  onHelp,
  onSignOut,
  dossier,
  onReference,
  more = [],
}: PaletteProps) {
  const t = useT();
  const queues: PaletteCommand[] = queueIds.map((id) => ({
    id: `queue-${id}`,
    label: t('palette.goToQueue', { queue: t(`queue.${id}`) }),
    group: t('palette.group.queues'),
    keywords: [id.replace(/_/g, ' ')],
    shortcut: counts ? String(counts[id]) : undefined,
    run: () => onQueue(id),
  }));
  const onDossier: PaletteCommand[] = dossier
    ? [
        { id: 'reply', label: t('palette.reply'), shortcut: 'r', run: () => dossier.current?.focusReply() },
        { id: 'note', label: t('palette.note'), shortcut: 'n', run: () => dossier.current?.focusNote() },
        ...(dossier.current?.available() ?? []).map(({ action, enabled }) => ({
          id: action,
          label: t(actionLabels[action]),
          ...(action === 'close' ? { shortcut: 'c' } : {}),
          disabled: !enabled,
          run: () => dossier.current?.act(action),
        })),
      ].map((c) => ({ ...c, group: t('palette.group.dossier') }))
    : [];
  const fromQuery = (query: string): PaletteCommand[] => {
    const found = referenceIn(query);
    if (!found) return [];
    const reference = 'reference' in found ? found.reference : found.number;
    return [
      {
        id: 'open-reference',
        label: t('palette.openReference', { reference }),
        group: t('palette.group.dossier'),
        run: () => onReference(reference),
      },
    ];
  };
  const app: PaletteCommand[] = [
    { id: 'search', label: t('palette.search'), shortcut: '/', run: onSearch },
    { id: 'help', label: t('palette.help'), shortcut: '?', run: onHelp },
    { id: 'sign-out', label: t('palette.signOut'), run: onSignOut },
  ].map((c) => ({ ...c, group: t('palette.group.app') }));
  return (
    <CommandPalette
      open={open}
      onClose={onClose}
      commands={[...onDossier, ...more, ...queues, ...app]}
      fromQuery={fromQuery}
    />
  );
}
