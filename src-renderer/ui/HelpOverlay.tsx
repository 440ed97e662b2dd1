import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/hooks';
import { Dialog } from './Dialog';
import type { Shortcut } from './shortcuts';
import { shortcuts } from './shortcuts';

export interface HelpOverlayProps {
  open: boolean;
  onClose: () => void;
  /** Show ⌘ rather than Ctrl; detected from the platform by default. */
  mac?: boolean;
}

export const isMacPlatform = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const groups = ['navigation', 'dossier', 'general'] as const;

/** The keys of a shortcut as they are pressed, one `<kbd>` each. */
export function shortcutKeys(shortcut: Shortcut, t: Translate, mac: boolean): string[] {
  const name = shortcut.key === 'Enter' ? t('key.enter') : shortcut.key;
  if (shortcut.mod) return [mac ? '⌘' : t('key.ctrl'), name.toUpperCase()];
  return shortcut.shift ? [t('key.shift'), name.toUpperCase()] : [name];
}

/** Every keyboard shortcut, by group, in a dialog (opened with `?`). */
export function HelpOverlay({ open, onClose, mac = isMacPlatform() }: HelpOverlayProps) {
  const t = useT();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('help.title')}
      description={t('help.intro')}
      className="dialog--help"
    >
      <div className="help">
        {groups.map((group) => (
          <section key={group} className="help__group">
            <h3 className="help__group-title">{t(`help.group.${group}`)}</h3>
            <dl className="help__list">
              {shortcuts
                .filter((s) => s.group === group)
                .map((s) => (
                  <div key={s.id} className="help__row">
                    <dt className="help__keys">
                      {shortcutKeys(s, t, mac).map((k, i) => (
                        <kbd key={i}>{k}</kbd>
                      ))}
                    </dt>
                    <dd className="help__description">{t(s.description)}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
