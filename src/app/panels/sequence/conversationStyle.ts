/**
 * A conversation's look in the sequence diagram: a colour and a dash pattern, both a pure
 * function of its id (stable across renders, runs and reloads), and a short label, so a
 * conversation is never told apart by colour alone.
 */
export const CONVERSATION_COLOURS = 8;
export const DASH_PATTERNS = ['', '6 3', '2 3'] as const;

export interface ConversationStyle {
  /** 0..CONVERSATION_COLOURS-1, or -1 for messages outside any conversation. */
  colour: number;
  dash: string;
  label: string;
}

/** FNV-1a: small, fast and well spread for short ids. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const NONE: ConversationStyle = { colour: -1, dash: '', label: '' };

export function conversationStyle(id: string | undefined): ConversationStyle {
  if (!id) return NONE;
  const h = hashString(id);
  return {
    colour: h % CONVERSATION_COLOURS,
    dash: DASH_PATTERNS[Math.floor(h / CONVERSATION_COLOURS) % DASH_PATTERNS.length]!,
    label: id.length > 14 ? `${id.slice(0, 13)}…` : id,
  };
}
