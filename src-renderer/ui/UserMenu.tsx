import { useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n/hooks';
import type { LocalePreference } from '../i18n/locale';
import { localeNames, localePreferences } from '../i18n/locale';
import { useNotificationPermission } from './notifications';
import type { ThemePreference } from './theme';
import { themePreferences, useTheme } from './theme';
import { undoDelays, useUndoDelay, writeUndoDelay } from './undo-delay';

export interface UserMenuProps {
  name: string;
  email?: string;
  onSignOut: () => void;
  /** Sign out and remove this computer's copy (shared computers); asks first. */
  onRemoveLocalCopy?: () => void;
}

/**
 * The signed-in agent's menu: language and theme (each "same as the system" by default) and sign
 * out. A disclosure, not an ARIA menu: it holds form controls, which a menu may not.
 */
export function UserMenu({ name, email, onSignOut, onRemoveLocalCopy }: UserMenuProps) {
  const t = useT();
  const locale = useLocale();
  const theme = useTheme();
  const notifications = useNotificationPermission();
  const undoDelay = useUndoDelay();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const themeLabel = (p: ThemePreference) => (p === 'system' ? t('prefs.system') : t(`prefs.theme.${p}`));
  const localeLabel = (p: LocalePreference) => (p === 'system' ? t('prefs.system') : localeNames[p]);

  return (
    <div
      className="user-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${t('user.menu')}: ${name}`}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="user-menu__name">{name}</span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__who">
          {t('user.signedInAs', { name })}
          {email ? <span className="user-menu__email">{email}</span> : null}
        </p>
        <label className="field field--inline">
          <span>{t('prefs.language')}</span>
          <select
            value={locale.preference}
            onChange={(event) => locale.setPreference(pick(localePreferences, event.target.value))}
          >
            {localePreferences.map((p) => (
              <option key={p} value={p}>
                {localeLabel(p)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{t('prefs.theme')}</span>
          <select
            value={theme.preference}
            onChange={(event) => theme.setPreference(pick(themePreferences, event.target.value))}
          >
            {themePreferences.map((p) => (
              <option key={p} value={p}>
                {themeLabel(p)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{t('prefs.undoSend')}</span>
          <select
            value={undoDelay}
            onChange={(event) =>
              writeUndoDelay(undoDelays.find((d) => String(d) === event.target.value) ?? 5)
            }
          >
            {undoDelays.map((d) => (
              <option key={d} value={d}>
                {d === 0 ? t('prefs.undoSend.off') : t('prefs.undoSend.seconds', { seconds: d })}
              </option>
            ))}
          </select>
        </label>
        {notifications.state === 'unsupported' ? null : (
          <div className="field field--inline">
            <span id={`${panelId}-notifications`}>{t('prefs.notifications')}</span>
            {notifications.state === 'default' ? (
              <button
                type="button"
                className="button button--small"
                aria-describedby={`${panelId}-notifications`}
                onClick={() => void notifications.request()}
              >
                {t('prefs.notifications.turnOn')}
              </button>
            ) : (
              <span className="user-menu__note">
                {notifications.state === 'granted'
                  ? t('prefs.notifications.on')
                  : t('prefs.notifications.blocked')}
              </span>
            )}
          </div>
        )}
        <button type="button" className="button button--wide" onClick={onSignOut}>
          {t('user.signOut')}
        </button>
        {onRemoveLocalCopy ? (
          <button
            type="button"
            className="button button--wide"
            onClick={() => {
              setOpen(false);
              onRemoveLocalCopy();
            }}
          >
            {t('user.removeLocalCopy')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The option chosen in a select, as one of its allowed values (the first when unknown). */
function pick<T extends string>(allowed: readonly T[], value: string): T {
  return allowed.find((p) => p === value) ?? (allowed[0] as T);
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}
