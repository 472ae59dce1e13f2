import { describe, expect, it } from 'vitest';
import type { AclMessage } from '../../protocol/message';
import type { Schedule } from '../realSchedule';
import { createPendingRequests } from './pendingRequests';

function manualSchedule(): Schedule & { runAll(): void } {
  let timers: Array<() => void> = [];
  return {
    setTimeout: (fn) => (timers.push(fn), fn),
    clearTimeout: (h) => void (timers = timers.filter((t) => t !== h)),
    runAll() {
      const due = timers;
      timers = [];
      for (const fn of due) fn();
    },
  };
}

const reply = (inReplyTo: string, sender: string): AclMessage =>
  ({ id: `r-${sender}`, performative: 'inform', sender, receiver: 'x', content: null, in_reply_to: inReplyTo, sent_at: 0 }) as AclMessage;

const prepared = (client: string, replyWith: string) => ({ client, replyWith, draft: { receiver: 'echo' } });

describe('pending requests', () => {
  it('answers each request by its client and reply_with, even when two clients use the same reply_with', async () => {
    const schedule = manualSchedule();
    const requests = createPendingRequests({ clock: { now: () => 0 }, schedule, graceMs: 0 });
    const a = requests.send(prepared('you', 'r1'), 100, () => ({ ok: true, id: 'm1' }));
    const b = requests.send(prepared('client-2', 'r1'), 100, () => ({ ok: true, id: 'm2' }));
    requests.answer('client-2', reply('r1', 'for-b'));
    requests.answer('you', reply('r1', 'for-a'));
    await expect(a).resolves.toMatchObject({ sender: 'for-a' });
    await expect(b).resolves.toMatchObject({ sender: 'for-b' });
  });

  it('a refused request rejects and is forgotten; one never answered fails with a timeout after its grace', async () => {
    let now = 0;
    const schedule = manualSchedule();
    const requests = createPendingRequests({ clock: { now: () => now }, schedule, graceMs: 10 });
    await expect(requests.send(prepared('you', 'r1'), 100, () => ({ ok: false, error: 'no such agent' }))).rejects.toThrow('no such agent');
    const late = requests.send(prepared('you', 'r2'), 100, () => ({ ok: true, id: 'm2' }));
    now = 50;
    schedule.runAll(); // before the deadline: still waiting
    requests.answer('you', reply('r1', 'stray')); // the refused one is not waiting any more
    now = 111;
    schedule.runAll();
    await expect(late).resolves.toMatchObject({ performative: 'failure', in_reply_to: 'r2', content: { reason: 'timeout' } });
    requests.answer('you', reply('r2', 'after')); // already settled: ignored
  });
});
