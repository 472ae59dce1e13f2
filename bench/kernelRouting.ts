/**
 * Kernel routing in-process, no wasm: the console sends `request`s to a JS echo agent
 * that answers `inform`; every effect is performed inline. Two messages routed per round.
 * Baseline: a bare dispatcher (a Map of arrays, no validation, no log, no counters) doing
 * the same hops, so the ratio is the kernel's overhead over the least a router can do.
 */
import { createKernel, createManualClock, createSeededRng } from '../src/kernel';
import type { Effect, KernelEvent, KernelInput } from '../src/kernel';

export interface RoutingFigures {
  kernelMsgsPerSecond: number;
  bareMsgsPerSecond: number;
}

export function measureKernelRouting(rounds = 300_000): RoutingFigures {
  return { kernelMsgsPerSecond: kernelRouting(rounds), bareMsgsPerSecond: bareRouting(rounds) };
}

function kernelRouting(rounds: number): number {
  const clock = createManualClock(0);
  // Retention is the shell's job (it appends `events` to its own log): the kernel keeps none here.
  const kernel = createKernel({ clock, rng: createSeededRng(1), maxInFlight: 1024, eventLogCapacity: 0 });
  const events: KernelEvent[] = [];
  const effects: Effect[] = [];
  const pending: KernelInput[] = [];
  const drain = () => {
    while (pending.length) {
      kernel.stepInto(pending.shift()!, events, effects);
      for (const effect of effects) {
        if (effect.type === 'spawn') pending.push({ type: 'agent.ready', agent: effect.agent, instance: effect.instance });
        else if (effect.type === 'deliver') {
          const m = effect.message;
          pending.push(
            {
              type: 'agent.sent',
              agent: effect.agent,
              instance: effect.instance,
              message: { performative: 'inform', receiver: m.sender, content: m.content, in_reply_to: m.reply_with },
            },
            { type: 'agent.handled', agent: effect.agent, instance: effect.instance, messageId: m.id },
          );
        }
      }
      effects.length = 0;
      events.length = 0; // the shell would append these to its log; keep memory flat here
    }
  };
  pending.push({ type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } } as KernelInput);
  drain();
  const request = { performative: 'request', receiver: 'echo', content: { text: 'hello', n: 1 } };
  const run = (n: number) => {
    for (let i = 0; i < n; i++) {
      pending.push({ type: 'message.send', message: request });
      if (pending.length >= 256 || i === n - 1) drain();
    }
  };
  run(20_000); // warm up
  const start = performance.now();
  run(rounds);
  return (2 * rounds) / ((performance.now() - start) / 1000);
}

function bareRouting(rounds: number): number {
  interface Msg {
    id: number;
    performative: string;
    sender: string;
    receiver: string;
    content: unknown;
  }
  const mailboxes = new Map<string, Msg[]>([
    ['echo', []],
    ['you', []],
  ]);
  let nextId = 0;
  let received = 0;
  const route = (m: Msg) => mailboxes.get(m.receiver)!.push(m);
  const run = (n: number) => {
    for (let i = 0; i < n; i++) {
      route({ id: nextId++, performative: 'request', sender: 'you', receiver: 'echo', content: { text: 'hello', n: 1 } });
      const echo = mailboxes.get('echo')!;
      while (echo.length) {
        const m = echo.shift()!;
        route({ id: nextId++, performative: 'inform', sender: 'echo', receiver: m.sender, content: m.content });
      }
      const you = mailboxes.get('you')!;
      received += you.length;
      you.length = 0;
    }
  };
  run(20_000);
  const start = performance.now();
  run(rounds);
  if (received === 0) throw new Error('bare router lost messages');
  return (2 * rounds) / ((performance.now() - start) / 1000);
}
