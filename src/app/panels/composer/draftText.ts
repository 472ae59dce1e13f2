/** The Composer's text ↔ draft helpers: pure, no editor. */
import { APP_ERRORS } from '../../errors';
import type { MessageDraftInput } from '../../actions/types';

export function requestTemplate(receiver: string): string {
  return JSON.stringify({ performative: 'request', receiver, content: { text: 'hello' } }, null, 2);
}

/** Point the draft at `receiver`, if the text is a JSON object; otherwise leave it alone. */
export function retarget(text: string, receiver: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const draft = value as Record<string, unknown>;
    if (draft.receiver === receiver) return null;
    return JSON.stringify({ ...draft, receiver }, null, 2);
  } catch {
    return null;
  }
}

/** The text and the draft parsed from it: what Send and Send and wait both hand on. */
export interface ParsedDraft {
  text: string;
  draft: MessageDraftInput & Record<string, unknown>;
}

export type Parsed = ({ ok: true } & ParsedDraft) | { ok: false; code: 'ORR404'; message: string };

export function parseDraft(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, code: 'ORR404', message: APP_ERRORS.ORR404('it is not an object') };
    }
    return { ok: true, text, draft: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, code: 'ORR404', message: APP_ERRORS.ORR404(error instanceof Error ? error.message : String(error)) };
  }
}

export function receiverText(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}

let conversationSeq = 0;
export const freshConversation = () => `c${++conversationSeq}-${Date.now().toString(36).slice(-4)}`;
