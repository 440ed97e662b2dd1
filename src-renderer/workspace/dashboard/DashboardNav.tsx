import { useT } from '../../i18n/hooks';

/** The supervisor's way to the dashboard, in the left column above the saved views. */
export function DashboardNav({ active, onSelect }: { active: boolean; onSelect: () => void }) {
  const t = useT();
  return (
    <nav className="queue-nav dashboard-nav" aria-label={t('nav.dashboard')}>
      <ul className="queue-nav__list">
        <li>
          <button
            type="button"
            className="queue-nav__item"
            aria-current={active ? 'page' : undefined}
            onClick={onSelect}
          >
            <span className="queue-nav__name">{t('nav.dashboard')}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
