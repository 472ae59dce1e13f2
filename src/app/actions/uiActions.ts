import type { Action } from './types';

export const toggleTheme: Action<'theme.toggle'> = {
  id: 'theme.toggle',
  label: 'Toggle theme',
  shortcut: 'Shift+T',
  perform: (state) => ({ ui: { theme: state.theme === 'dark' ? 'light' : 'dark' } }),
};

export const showDockTab: Action<'dock.show'> = {
  id: 'dock.show',
  label: 'Show dock tab',
  perform: (_state, { tab }) => ({ ui: { dockTab: tab } }),
};
