/**
 * Requests waiting for their reply (matched by client and reply_with). The kernel answers an
 * expired request with `failure` (timeout) itself; one sweep timer for all of them (cheaper
 * per round trip than a timer each) is only the safety net after a grace period.
 */
import { timeoutFailure, type PreparedRequest, type SendResult } from '../../kernel/shell';
import type { Clock } from '../../kernel/types';
import type { AclMessage } from '../../protocol/message';
import type { Schedule } from '../realSchedule';

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
  const pending = new Map<string, Pending>();
  let sweepTimer: unknown;
  let disposed = false;

  function armSweep(): void {
    if (sweepTimer !== undefined || disposed || pending.size === 0) return;
    sweepTimer = schedule.setTimeout(() => {
      sweepTimer = undefined;
      const now = clock.now();
      for (const [key, p] of pending) {
        if (p.giveUpAt > now) continue;
        pending.delete(key);
        p.resolve(timeoutFailure(p.request, p.timeoutMs, now));
      }
      armSweep();
    }, SWEEP_MS);
  }

  return {
    send(request, timeoutMs, send) {
      const key = pendingKey(request.client, request.replyWith);
      return new Promise<AclMessage>((resolve, reject) => {
        // Waiting before sending: the kernel may answer at once (a failure, no route).
        pending.set(key, { resolve, giveUpAt: clock.now() + timeoutMs + options.graceMs, request, timeoutMs });
        armSweep();
        const sent = send();
        if (sent.ok) return;
        pending.delete(key);
        reject(new Error(sent.error));
      });
    },
    answer(client, message) {
      if (message.in_reply_to === undefined) return;
      const key = pendingKey(client, message.in_reply_to);
      const p = pending.get(key);
      if (!p) return;
      pending.delete(key);
      p.resolve(message);
    },
    dispose() {
      disposed = true;
      if (sweepTimer !== undefined) schedule.clearTimeout(sweepTimer);
      pending.clear();
    },
  };
}

function pendingKey(client: string, replyWith: string): string {
  return `${client}\u0000${replyWith}`;
}
