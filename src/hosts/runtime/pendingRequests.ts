/**
 * Requests waiting for their reply (matched by client and reply_with). The kernel answers an
 * expired request with `failure` (timeout) itself; one sweep timer for all of them (cheaper
 * per round trip than a timer each) is only the safety net after a grace period.
 */
import { timeoutFailure, type PreparedRequest, type SendResult } from '../../kernel/shell';
import type { Clock } from '../../kernel/types';
import type { AclMessage } from '../../protocol/message';
import type { Schedule } from '../realSchedule';
import { ChurnMap } from '../../kernel/state/churnMap';

const SWEEP_MS = 250;

interface Pending {
  resolve(message: AclMessage): void;
  /** Clock time after which the shell stops waiting for the kernel's own timeout. */
  giveUpAt: number;
  request: PreparedRequest;
  timeoutMs: number;
}

export interface PendingRequests {
  /** Sends `request` (through `send`) and waits for its reply; rejects when the kernel refused it. */
  send(request: PreparedRequest, timeoutMs: number, send: () => SendResult): Promise<AclMessage>;
  /** A message for `client`: answers the request it replies to, if any. */
  answer(client: string, message: AclMessage): void;
  dispose(): void;
}

export function createPendingRequests(options: { clock: Clock; schedule: Schedule; graceMs: number }): PendingRequests {
  const { clock, schedule } = options;
  // By client, then reply_with: no key string built per request (two per round trip). A
  // client's map stays while it has requests, and until the next sweep after that: dropping it
  // as it empties would make a map per round trip (see ChurnMap).
  const pending = new Map<string, ChurnMap<string, Pending>>();
  let size = 0;
  let sweepTimer: unknown;
  let disposed = false;

  function armSweep(): void {
    if (sweepTimer !== undefined || disposed || size === 0) return;
    sweepTimer = schedule.setTimeout(() => {
      sweepTimer = undefined;
      const now = clock.now();
      for (const [client, byReplyWith] of pending) {
        if (byReplyWith.size === 0) pending.delete(client);
        for (const [replyWith, p] of byReplyWith) {
          if (p.giveUpAt > now) continue;
          forget(byReplyWith, replyWith);
          p.resolve(timeoutFailure(p.request, p.timeoutMs, now));
        }
      }
      armSweep();
    }, SWEEP_MS);
  }

  function forget(byReplyWith: ChurnMap<string, Pending>, replyWith: string): void {
    byReplyWith.delete(replyWith);
    size--;
  }

  return {
    send(request, timeoutMs, send) {
      const { client, replyWith } = request;
      return new Promise<AclMessage>((resolve, reject) => {
        let byReplyWith = pending.get(client);
        if (byReplyWith === undefined) pending.set(client, (byReplyWith = new ChurnMap()));
        // Waiting before sending: the kernel may answer at once (a failure, no route).
        if (!byReplyWith.has(replyWith)) size++;
        byReplyWith.set(replyWith, { resolve, giveUpAt: clock.now() + timeoutMs + options.graceMs, request, timeoutMs });
        armSweep();
        const sent = send();
        if (sent.ok) return;
        if (byReplyWith.has(replyWith)) forget(byReplyWith, replyWith);
        reject(new Error(sent.error));
      });
    },
    answer(client, message) {
      if (message.in_reply_to === undefined) return;
      const byReplyWith = pending.get(client);
      const p = byReplyWith?.get(message.in_reply_to);
      if (!p) return;
      forget(byReplyWith!, message.in_reply_to);
      p.resolve(message);
    },
    dispose() {
      disposed = true;
      if (sweepTimer !== undefined) schedule.clearTimeout(sweepTimer);
      pending.clear();
      size = 0;
    },
  };
}
