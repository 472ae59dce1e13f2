import type { Action } from '../../actions/types';

/** Send and Send and wait hand the kernel the same draft shape (`OutgoingMessage`). */
export const sendMessage: Action<'message.send'> = {
  id: 'message.send',
  label: 'Send',
  // Ctrl/Cmd+Enter is bound inside the composer's editor, where the text lives.
  perform: (_state, message) => ({ send: message }),
};

export const requestMessage: Action<'message.request'> = {
  id: 'message.request',
  label: 'Send and wait',
  perform: (_state, { timeoutMs, ...message }) => ({ request: { ...message, timeoutMs } }),
};
