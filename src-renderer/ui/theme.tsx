import type { ReactNode } from 'react';
import { createContext, use, useEffect, useMemo, useState } from 'react';
import { readChoice, writeChoice } from '../i18n/stored-choice';

/**
 * Light and dark themes. By default the theme follows the system (`prefers-color-scheme`, which
 * the stylesheet's `light-dark()` colours read through `color-scheme`); an explicit choice is kept
 * on this device and written to `<html data-theme>`.
 */
export type Theme = 'light' | 'dark';
export type ThemePreference = Theme | 'system';
export const themePreferences: readonly ThemePreference[] = ['system', 'light', 'dark'];
export const themeStorageKey = 'klikpay.theme';

const darkQuery = '(prefers-color-scheme: dark)';

function systemTheme(): Theme {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return 'light';
  return window.matchMedia(darkQuery).matches ? 'dark' : 'light';
}

export interface ThemeValue {
  /** The theme shown. */
  theme: Theme;
  preference: ThemePreference;
  setPreference: (preference: ThemePreference) => void;
}

const ThemeContext = createContext<ThemeValue | null>(null);

export interface ThemeProviderProps {
  children: ReactNode;
  initialPreference?: ThemePreference;
}

export function ThemeProvider({ children, initialPreference }: ThemeProviderProps) {
  const [preference, setStored] = useState<ThemePreference>(
    () => initialPreference ?? readChoice(themeStorageKey, themePreferences, 'system'),
  );
  const [system, setSystem] = useState<Theme>(systemTheme);

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(darkQuery);
    const update = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  const theme = preference === 'system' ? system : preference;

  useEffect(() => {
    const root = document.documentElement;
    if (preference === 'system') delete root.dataset.theme;
    else root.dataset.theme = preference;
  }, [preference]);

  const value = useMemo<ThemeValue>(
    () => ({
      theme,
      preference,
      setPreference: (next) => {
        writeChoice(themeStorageKey, next, 'system');
        setStored(next);
      },
    }),
    [theme, preference],
  );
  return <ThemeContext value={value}>{children}</ThemeContext>;
}

export function useTheme(): ThemeValue {
  const value = use(ThemeContext);
  if (!value) throw new Error('useTheme needs a <ThemeProvider> above it');
  return value;
}
