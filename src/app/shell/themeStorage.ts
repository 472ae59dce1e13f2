/** The theme a person chose, kept across reloads (localStorage; absent → the system's). */
import type { Theme } from '../store/types';

const KEY = 'orrery:theme';

export function savedTheme(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Theme | null {
  try {
    const value = storage?.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

export function saveTheme(theme: Theme, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(KEY, theme);
  } catch {
    // Storage blocked or full: the theme still applies for this visit.
  }
}

/** The theme to open with: the saved one, else what the system prefers. */
export function initialTheme(): Theme {
  const prefersLight = window.matchMedia?.('(prefers-color-scheme: light)').matches ?? false;
  return savedTheme() ?? (prefersLight ? 'light' : 'dark');
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
