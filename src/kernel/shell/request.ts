/** A request from the console or a client, as every shell prepares and gives up on it. */
import type { AclMessage } from '../../protocol/message';

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
export function prepareRequest(draft: unknown, request: { now: number; timeoutMs: number; seq: number; from?: string | undefined }): PreparedRequest | undefined {
  if (draft === null || typeof draft !== 'object' || Array.isArray(draft)) return undefined;
  const d = { ...(draft as Record<string, unknown>) };
  if (typeof d['reply_with'] !== 'string' || d['reply_with'] === '') d['reply_with'] = `req-${request.seq}`;
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
