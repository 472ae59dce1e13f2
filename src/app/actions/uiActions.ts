import type { Action } from './types';

export const sendMessage: Action<'message.send'> = {
  id: 'message.send',
  label: 'Send',
  // Ctrl/Cmd+Enter is bound inside the composer's editor, where the text lives.
  perform: (_state, { draft }) => ({ send: { draft } }),
};

export const requestMessage: Action<'message.request'> = {
  id: 'message.request',
  label: 'Send and wait',
  perform: (_state, { draft, timeoutMs }) => ({ request: { draft, timeoutMs } }),
};

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
