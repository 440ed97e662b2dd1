import type { RefObject } from 'react';
import { queueIds } from '../../src-shared/domain/queues';
import type { QueueId } from '../../src-shared/domain/queues';
import type { QueueCounts } from '../data/queues';
import { useT } from '../i18n/hooks';
import { CommandPalette } from '../ui/CommandPalette';
import type { PaletteCommand } from '../ui/palette-filter';
import type { DossierViewHandle } from './dossier/DossierView';

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
}

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
        {
          id: 'close',
          label: t('palette.closeDossier'),
          shortcut: 'c',
          run: () => dossier.current?.openClose(),
        },
      ].map((c) => ({ ...c, group: t('palette.group.dossier') }))
    : [];
  const app: PaletteCommand[] = [
    { id: 'search', label: t('palette.search'), shortcut: '/', run: onSearch },
    { id: 'help', label: t('palette.help'), shortcut: '?', run: onHelp },
    { id: 'sign-out', label: t('palette.signOut'), run: onSignOut },
  ].map((c) => ({ ...c, group: t('palette.group.app') }));
  return <CommandPalette open={open} onClose={onClose} commands={[...onDossier, ...queues, ...app]} />;
}
