/**
 * Test support: a kernel on a virtual clock driven by hand, host events fed directly (no
 * agents run). Spawns wait in `pending` until `ready()` answers them, so a test decides
 * when new instances come up. Every event is collected through `subscribe`.
 */
import { createManualClock, type ManualClock } from './clock';
import { createKernel, type Kernel, type KernelOptions } from './kernel';
import { createSeededRng } from './rng';
import type { Effect, HostEvent, KernelEvent, KernelInput, StepResult } from './types';

type Spawn = Extract<Effect, { type: 'spawn' }>;
/** A host event whose instance defaults to the live one. */
type HostInput = HostEvent extends infer E ? (E extends HostEvent ? Omit<E, 'instance'> & { instance?: number } : never) : never;

export interface Driver {
  kernel: Kernel;
  clock: ManualClock;
  events: KernelEvent[];
  effects: Effect[];
  pending: Spawn[];
  step(input: KernelInput): StepResult;
  /** Answers every pending spawn with `agent.ready`. */
  ready(): void;
  deploy(name: string): void;
  instance(name: string): number;
  status(name: string): string;
  host(event: HostInput): StepResult;
  /** Moves the clock to `t` and ticks. */
  tickTo(t: number): void;
  of<T extends KernelEvent['type']>(type: T): Extract<KernelEvent, { type: T }>[];
}

export function createDriver(options: Omit<Partial<KernelOptions>, 'clock' | 'rng'> = {}, seed = 1): Driver {
  const clock = createManualClock(0);
  const kernel = createKernel({ ...options, clock, rng: createSeededRng(seed) });
  const events: KernelEvent[] = [];
  kernel.subscribe((event) => events.push(event));
  const effects: Effect[] = [];
  const pending: Spawn[] = [];
  const agentView = (name: string) => kernel.snapshot().agents.find((a) => a.name === name);
  const step = (input: KernelInput): StepResult => {
    const result = kernel.step(input);
    for (const effect of result.effects) {
      effects.push(effect);
      if (effect.type === 'spawn') pending.push(effect);
    }
    return result;
  };
  const driver: Driver = {
    kernel,
    clock,
    events,
    effects,
    pending,
    step,
    ready() {
      for (const spawn of pending.splice(0)) step({ type: 'agent.ready', agent: spawn.agent, instance: spawn.instance });
    },
    deploy(name) {
      step({ type: 'agent.deploy', spec: { name, kind: 'test' } });
      driver.ready();
    },
    instance: (name) => agentView(name)?.instance ?? 0,
    status: (name) => agentView(name)?.status ?? 'gone',
    host: (event) => step({ ...event, instance: event.instance ?? driver.instance(event.agent) } as HostEvent),
    tickTo(t) {
      clock.set(t);
      step({ type: 'tick' });
    },
    of: (type) => events.filter((e) => e.type === type) as never,
  };
  return driver;
}
