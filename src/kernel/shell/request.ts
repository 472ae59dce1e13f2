/** A request from the console or a client, as every shell prepares and gives up on it. */
import type { AclMessage } from '../../protocol/message';
import { decimal } from '../state/decimal';

/** The console's node name. */
export const CONSOLE = 'you';

export interface PreparedRequest {
  draft: Record<string, unknown>;
  replyWith: string;
  client: string;
}

/**
 * Copies the draft with a `reply_with` (generated when missing) and a `reply_by` of
 * `now + timeoutMs` (unless given), so the kernel answers with `failure` (timeout) itself.
 * Returns undefined for a draft that is not a message object.
 */
export function prepareRequest(
  draft: unknown,
  request: { now: number; timeoutMs: number; seq: number; from?: string | undefined },
): PreparedRequest | undefined {
  if (draft === null || typeof draft !== 'object' || Array.isArray(draft)) return undefined;
  // Object.assign, not a spread: V8 makes adding keys to a spread copy ~30× slower (measured, Node 20).
  const d: Record<string, unknown> = Object.assign({}, draft as Record<string, unknown>);
  // Longer than 10 characters from the 100th on: JSON.parse (the reply's in_reply_to) puts
  // shorter strings in V8's string table, in the old generation (docs/data-path.md).
  if (typeof d['reply_with'] !== 'string' || d['reply_with'] === '') d['reply_with'] = 'request-' + decimal(request.seq);
  if (d['reply_by'] === undefined) d['reply_by'] = request.now + request.timeoutMs;
  return { draft: d, replyWith: d['reply_with'] as string, client: request.from ?? CONSOLE };
}

/** The shell's own answer when the kernel never answered a request (a safety net only). */
export function timeoutFailure(request: PreparedRequest, timeoutMs: number, now: number): AclMessage {
  const receiver = request.draft['receiver'];
  return {
    id: `runtime-timeout-${request.replyWith}`,
    performative: 'failure',
    sender: typeof receiver === 'string' ? receiver : 'kernel',
    receiver: request.client,
    content: { reason: 'timeout', detail: `no reply within ${timeoutMs} ms` },
    in_reply_to: request.replyWith,
    sent_at: now,
  };
}

/** What a virtual-time shell offers `runRequest`. */
export interface RequestDeps {
  now(): number;
  send(draft: unknown, from?: string): { ok: true; id: string } | { ok: false; error: string };
  onReply(client: string, listener: (message: AclMessage) => void): () => void;
  /** Runs the shell until `stop()` or past `limit`. */
  advance(limit: number, stop: () => boolean): Promise<void>;
  moveTo(time: number): void;
}

/** Sends a request and runs the shell until its reply (matched by reply_with), or gives up. */
export async function runRequest(deps: RequestDeps, draft: unknown, timeoutMs: number, seq: number, from?: string): Promise<AclMessage> {
  const prepared = prepareRequest(draft, { now: deps.now(), timeoutMs, seq, from });
  if (!prepared) {
    const refused = deps.send(draft, from);
    throw new Error(refused.ok ? 'a request must be a message object' : refused.error);
  }
  let answer: AclMessage | undefined;
  const off = deps.onReply(prepared.client, (m) => {
    if (m.in_reply_to === prepared.replyWith) answer ??= m;
  });
  try {
    const sent = deps.send(prepared.draft, from);
    if (!sent.ok) throw new Error(sent.error);
    const giveUpAt = deps.now() + timeoutMs + REQUEST_GRACE_MS;
    await deps.advance(giveUpAt, () => answer !== undefined);
    if (answer === undefined) deps.moveTo(giveUpAt);
    return answer ?? timeoutFailure(prepared, timeoutMs, deps.now());
  } finally {
    off();
  }
}

/** Grace after a request's own timeout before a shell gives up on the kernel. */
export const REQUEST_GRACE_MS = 1000;
