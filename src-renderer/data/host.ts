import type { DeskCommand, DossierLink } from '../../src-shared/contract/bridge';
import type { AssignedNotice } from '../sync/notices';

/** What the host app brings the desk: dossiers to open (deep links, notification clicks), its menu, the icon's badge. */
export interface DeskHost {
  onOpenDossier(listener: (link: DossierLink) => void): () => void;
  /** The desktop's application menu (the browser host has none). */
  onCommand(listener: (command: DeskCommand) => void): () => void;
  setOverdueCount(count: number): void;
  /** Syncs now, without waiting for the next round (the menu's "Sync now"). */
  syncNow(): void;
  /** Dossiers someone else assigned to this agent, as the server tells it (src-renderer/sync/notices.ts). */
  onAssigned(listener: (notices: readonly AssignedNotice[]) => void): () => void;
}
