/**
 * Ready-made experiments (templates for the Chaos tab, and the test suite's fixtures).
 */
import type { Experiment } from './types';

export interface EchoSoakOptions {
  /** Echo agents `echo1..echoN` (default 3), each linked to client `load`. */
  agents?: number;
  kind?: string;
  ratePerSecond?: number;
  /** Length of the fault phase (default 30 s). */
  faultMs?: number;
  drop?: number;
  duplicate?: number;
  /** A kill of one agent (drawn from the seed) every `killEveryMs`; 0 = none. Default 1000. */
  killEveryMs?: number;
  timeoutMs?: number;
}

/**
 * Clients hammer echo agents over at-least-once links while the network drops and
 * duplicates and an agent is killed every second. Hypothesis: no request is lost or
 * answered twice, and everything recovers.
 */
export function echoSoak(o: EchoSoakOptions = {}): Experiment {
  const n = o.agents ?? 3;
  const names = Array.from({ length: n }, (_, i) => `echo${i + 1}`);
  const links = names.map((name) => `load--${name}`);
  const faultMs = o.faultMs ?? 30_000;
  const killEvery = o.killEveryMs ?? 1000;
  return {
    schema: 'orrery.experiment/1',
    name: 'echo soak: drop, duplicate, kill',
    description: 'Requests to echo agents over at-least-once links under message loss, duplication and a kill every second.',
    seed: 1,
    topology: {
      groups: [
        { name: 'echoes', strategy: 'one_for_one', intensity: 1000, periodMs: 1000, backoff: { minMs: 5, maxMs: 50, randomFactor: 0.2 } },
      ],
      clients: ['load'],
      agents: names.map((name) => ({ name, kind: o.kind ?? 'echo', group: 'echoes', redelivery: 'once' as const })),
      links: names.map((name, i) => ({
        id: links[i]!,
        a: 'load',
        b: name,
        policy: { delivery: 'at-least-once' as const, retry: { initialMs: 20, maxMs: 200, maxAttempts: 30 } },
      })),
    },
    workload: {
      clients: [
        { client: 'load', targets: names, ratePerSecond: o.ratePerSecond ?? 100, arrival: 'poisson', timeoutMs: o.timeoutMs ?? 10_000 },
      ],
    },
    hypothesis: [
      { probe: 'no-lost-messages' },
      { probe: 'all-agents-running', windows: ['before', 'after'] },
      { probe: 'success-rate', min: 0.99, windows: ['before', 'after'] },
      { probe: 'latency', percentile: 95, maxMs: 50, windows: ['before', 'after'] },
    ],
    schedule: {
      warmupMs: 200,
      steadyMs: 1000,
      phases: [
        {
          name: 'storm',
          durationMs: faultMs,
          faults: [
            { target: { links }, probability: o.drop ?? 0.3, effect: { kind: 'drop' } },
            { target: { links }, probability: o.duplicate ?? 0.1, effect: { kind: 'duplicate' } },
          ],
          pulses:
            killEvery > 0
              ? [{ everyMs: killEvery, pick: 'one', fault: { target: { agents: names }, probability: 1, effect: { kind: 'kill' } } }]
              : [],
        },
      ],
      settleMs: 1000,
      recoveryMs: 1000,
    },
  };
}
