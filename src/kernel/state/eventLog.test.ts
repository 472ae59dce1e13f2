import { describe, expect, it } from 'vitest';
import { createDriver } from '../testDriver';
import type { KernelEvent } from '../types';
import { DEFAULT_EVENT_LOG_CAPACITY, EventLog } from './eventLog';
import { Metrics } from './metrics';

function logOf(capacity?: number): { log: EventLog; seen: KernelEvent[] } {
  const log = new EventLog(new Metrics(), capacity);
  const seen: KernelEvent[] = [];
  log.subscribe((event) => seen.push(event));
  log.begin(0, []);
  return { log, seen };
}

const emitN = (log: EventLog, n: number) => {
  for (let i = 0; i < n; i++) log.emit({ type: 'log', agent: 'kernel', level: 'info', text: `e${i}` });
};

describe('the bounded event log', () => {
  it('keeps the newest `capacity` events in order, counts the dropped ones, and subscribers see all', () => {
    const { log, seen } = logOf(3);
    emitN(log, 7);
    expect(log.retained().map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(log.dropped).toBe(4);
    expect(seen).toHaveLength(7);
    emitN(log, 1);
    expect(log.retained().map((e) => e.seq)).toEqual([5, 6, 7]);
  });

  it('keeps everything with Infinity and nothing with 0; refuses a negative capacity', () => {
    const all = logOf(Infinity);
    emitN(all.log, 500);
    expect(all.log.retained()).toHaveLength(500);
    expect(all.log.dropped).toBe(0);
    const none = logOf(0);
    emitN(none.log, 5);
    expect(none.log.retained()).toEqual([]);
    expect(none.log.dropped).toBe(5);
    expect(none.seen).toHaveLength(5);
    expect(() => new EventLog(new Metrics(), -1)).toThrow(RangeError);
  });

  it('a disposed subscriber hears nothing more', () => {
    const log = new EventLog(new Metrics());
    log.begin(0, []);
    const seen: number[] = [];
    const dispose = log.subscribe((e) => seen.push(e.seq));
    emitN(log, 2);
    dispose();
    emitN(log, 2);
    expect(seen).toEqual([0, 1]);
  });

  it('the kernel keeps DEFAULT_EVENT_LOG_CAPACITY by default: a long run stays under the bound and reports what it dropped', () => {
    expect(DEFAULT_EVENT_LOG_CAPACITY).toBe(100_000);
    const d = createDriver();
    d.deploy('echo');
    for (let i = 0; i < 40_000; i++) {
      const sent = d.kernel.step({ type: 'message.send', message: { performative: 'inform', receiver: 'echo', content: i } });
      const delivered = sent.effects.find((e) => e.type === 'deliver');
      if (delivered?.type !== 'deliver') throw new Error('not delivered');
      d.kernel.step({ type: 'agent.handled', agent: 'echo', instance: 1, messageId: delivered.message.id });
    }
    const snapshot = d.kernel.snapshot();
    const kept = d.kernel.events();
    expect(kept).toHaveLength(DEFAULT_EVENT_LOG_CAPACITY);
    expect(snapshot.eventsDropped).toBe(snapshot.seq - DEFAULT_EVENT_LOG_CAPACITY);
    expect(snapshot.eventsDropped).toBeGreaterThan(0);
    expect(kept.at(-1)!.seq).toBe(snapshot.seq - 1);
    expect(d.events).toHaveLength(snapshot.seq); // the subscriber saw every event
  });

  it('eventLogCapacity sets the bound; the snapshot says 0 dropped while under it', () => {
    const d = createDriver({ eventLogCapacity: 10 });
    expect(d.kernel.snapshot().eventsDropped).toBe(0);
    for (let i = 0; i < 10; i++) d.deploy(`a${i}`);
    expect(d.kernel.events()).toHaveLength(10);
    expect(d.kernel.snapshot().eventsDropped).toBe(d.kernel.snapshot().seq - 10);
  });
});
