import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThemeProvider, themeStorageKey, useTheme } from '../../src-renderer/ui/theme';

/** The system's colour scheme, as `matchMedia('(prefers-color-scheme: dark)')` reports it. */
class SystemScheme extends EventTarget implements MediaQueryList {
  matches = false;
  readonly media = '(prefers-color-scheme: dark)';
  onchange = null;
  addListener(): void {}
  removeListener(): void {}
  set(dark: boolean): void {
    this.matches = dark;
    this.dispatchEvent(new Event('change'));
  }
}

let scheme: SystemScheme;

beforeEach(() => {
  scheme = new SystemScheme();
  vi.spyOn(window, 'matchMedia').mockImplementation(() => scheme);
});

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

const wrapper = ({ children }: { children: ReactNode }) => <ThemeProvider>{children}</ThemeProvider>;

describe('the theme', () => {
  it('follows the system’s colour scheme by default, live', () => {
    const { result } = renderHook(() => useTheme(), { wrapper });
    expect(result.current.preference).toBe('system');
    expect(result.current.theme).toBe('light');
    act(() => scheme.set(true));
    expect(result.current.theme).toBe('dark');
    // The stylesheet follows the system by itself: no attribute forces a theme.
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('keeps an explicit choice on this device, over the system', () => {
    const { result, unmount } = renderHook(() => useTheme(), { wrapper });
    act(() => result.current.setPreference('dark'));
    expect(result.current.theme).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(themeStorageKey)).toBe('dark');
    act(() => scheme.set(false));
    expect(result.current.theme).toBe('dark');
    unmount();

    const again = renderHook(() => useTheme(), { wrapper });
    expect(again.result.current.preference).toBe('dark');
    act(() => again.result.current.setPreference('system'));
    expect(localStorage.getItem(themeStorageKey)).toBeNull();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem(themeStorageKey, 'sepia');
    const { result } = renderHook(() => useTheme(), { wrapper });
    expect(result.current.preference).toBe('system');
  });
});
