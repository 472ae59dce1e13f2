import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../kernel/clock';
import { createKernel } from '../../kernel/kernel';
import { createSeededRng } from '../../kernel/rng';
import type { KernelEvent } from '../../kernel/types';
import { createRuntime } from '../../hosts/createRuntime';
import type { AgentHost } from '../../hosts/types';
import { createStreamHub, decodeBatch } from './createStreamHub';
import { followRequests } from './followRequests';

/** No agents: the requests here go to a client node or nowhere, and the kernel answers. */
const idleHost: AgentHost = {
  registerKind: () => Promise.reject(new Error('not in this test')),
  kinds: () => [],
  perform: () => undefined,
  onEvents: () => () => undefined,
  dispose: async () => undefined,
};

async function pageOfRuntime() {
  const clock = createManualClock(1000);
  const runtime = createRuntime({ kernel: createKernel({ clock, rng: createSeededRng(3) }), host: idleHost, clock });
  const streams = createStreamHub({ subscribe: (listener) => runtime.subscribe(listener) });
  const seen: KernelEvent[] = [];
  // The Composer alone is shown: no message panel asks for messages.
  await streams.open((wire) => seen.push(...decodeBatch(wire).events), { messages: false });
  const request = followRequests({
    request: (draft, timeoutMs, from) => runtime.request(draft, timeoutMs, from),
    watchRequest: (sender, replyWith) => streams.watchRequest(sender, replyWith),
  });
  const published = () => new Promise((r) => setTimeout(r, 0));
  return { runtime, request, seen, published };
}

const sentMessages = (events: readonly KernelEvent[]) =>
  events.flatMap((e) =>
    e.type === 'message.sent' ? [[e.message.sender, e.message.performative, e.message.reply_with ?? e.message.in_reply_to]] : [],
  );

describe('requests the page sends are followed', () => {
  it('keeps a "Send and wait" exchange in the stream while no message panel is open, and nothing else', async () => {
    const { runtime, request, seen, published } = await pageOfRuntime();
    await runtime.command({ type: 'client.create', name: 'alice' });
    await runtime.send({ performative: 'inform', receiver: 'alice', content: 'unfollowed' });
    const reply = await request({ performative: 'request', receiver: 'ghost', content: 1 }, 1000);
    expect(reply.performative).toBe('failure');
    await published();
    expect(sentMessages(seen)).toEqual([
      ['you', 'request', 'page-request-1'],
      ['kernel', 'failure', 'page-request-1'],
    ]);
    expect(seen.filter((e) => e.type === 'message.failed')).toHaveLength(1);
  });

  it("keeps the draft's own reply_with and follows a request sent as a client", async () => {
    const { runtime, request, seen, published } = await pageOfRuntime();
    await runtime.command({ type: 'client.create', name: 'alice' });
    await runtime.send({ performative: 'request', receiver: 'ghost', content: 0, reply_with: 'mine' });
    await request({ performative: 'request', receiver: 'ghost', content: 1, reply_with: 'mine' }, 1000, 'alice');
    await published();
    expect(sentMessages(seen)).toEqual([
      ['alice', 'request', 'mine'],
      ['kernel', 'failure', 'mine'],
    ]);
  });
});
