import { useT } from '../../i18n/hooks';

/** What the dossier view shows under its header: the correspondence, or the audit trail. */
export type DossierPane = 'correspondence' | 'audit';

export interface PaneSwitchProps {
  pane: DossierPane;
  onPaneChange: (pane: DossierPane) => void;
}

/**
 * Two pressed-or-not buttons beside the dossier's actions: the correspondence (the timeline and the
 * composer) or the audit trail. Buttons rather than tabs: they stay in the header, which keeps its
 * place in the tab order whichever is shown.
 */
export function PaneSwitch({ pane, onPaneChange }: PaneSwitchProps) {
  const t = useT();
  const button = (value: DossierPane, label: string) => (
    <button
      type="button"
      className="button button--small dossier-panes__button"
      aria-pressed={pane === value}
      data-pane={value}
      onClick={() => onPaneChange(value)}
    >
      {label}
    </button>
  );
  return (
    <div className="dossier-panes" role="group" aria-label={t('audit.views')}>
      {button('correspondence', t('audit.correspondence'))}
      {button('audit', t('audit.title'))}
    </div>
  );
}
