/**
 * The page follows the requests it sends ("Send and wait"), as it follows what it sends:
 * the request's events and its answers reach the log whatever panel is open. A request's
 * message id is the kernel's, known only once sent, so the request is watched by its
 * `reply_with`, given here when the draft has none (the runtime keeps one it is given).
 */
import { CONSOLE } from '../../kernel/shell';
import { decimal } from '../../kernel/state/decimal';
import type { AclMessage } from '../../protocol/message';

export type RequestFn = (draft: unknown, timeoutMs: number, from?: string) => Promise<AclMessage>;

export interface FollowRequestsDeps {
  request: RequestFn;
  watchRequest(sender: string, replyWith: string): void;
}

const isDraftObject = (draft: unknown): draft is Record<string, unknown> =>
  draft !== null && typeof draft === 'object' && !Array.isArray(draft);

/** Who the kernel will say sent it: `from`, else the draft's own sender, else the console. */
function senderOf(draft: Record<string, unknown>, from: string | undefined): string {
  if (from !== undefined) return from;
  return typeof draft['sender'] === 'string' ? draft['sender'] : CONSOLE;
}

export function followRequests(deps: FollowRequestsDeps): RequestFn {
  let seq = 0;
  return (draft, timeoutMs, from) => {
    // Not a message object: the runtime refuses it with the kernel's reason.
    if (!isDraftObject(draft)) return deps.request(draft, timeoutMs, from);
    const given = draft['reply_with'];
    const replyWith = typeof given === 'string' && given !== '' ? given : 'page-request-' + decimal(++seq);
    deps.watchRequest(senderOf(draft, from), replyWith);
    return deps.request(replyWith === given ? draft : { ...draft, reply_with: replyWith }, timeoutMs, from);
  };
}
