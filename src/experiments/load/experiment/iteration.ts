/**
 * What one iteration does, decided before it runs: the client that sends, the message
 * (target and template expanded), request or send, the timeout and the think time. Every
 * random value comes from a stream seeded by (experiment seed, scenario, iteration
 * number), so an iteration's message does not depend on when it runs or on which VU: the
 * simulation and a live run of the same file send the same messages.
 */
import { createSeededRng } from '../../../kernel/rng';
import type { Rng } from '../../../kernel/types';
import type { JsonValue, MessageDraft } from '../../../protocol/message';
import { deriveSeed } from '../../seeds';
import { compileTemplate, type TemplateVars } from './template';
import type { IterationMode, LoadScenario, ThinkTime } from './types';

export interface IterationPlan {
  /** The client node VU `vu` sends from. */
  client: string;
  /** The message; the shell adds reply_by (its clock + timeoutMs) in request mode. */
  draft: MessageDraft;
  mode: IterationMode;
  timeoutMs: number;
  /** The pause after the reply (request) or the send, before the iteration is done. */
  thinkMs: number;
}

/** FNV-1a of a scenario name: one number per name, the same everywhere. */
function nameHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The seed of one iteration's random stream. */
export function iterationSeed(seed: number, scenario: string, scenarioIter: number): number {
  return deriveSeed(deriveSeed(seed, nameHash(scenario)), scenarioIter);
}

/** Fixed when min = max, else uniform in [min, max], drawn from `rng`. */
export function thinkTimeMs(t: ThinkTime, rng: Rng): number {
  return t.minMs === t.maxMs ? t.minMs : t.minMs + rng.next() * (t.maxMs - t.minMs);
}

export type IterationPlanner = (start: { vu: number; iter: number; scenarioIter: number }, seed: number) => IterationPlan;

/** Compiles a scenario's templates once; the planner then costs one expansion per iteration. */
export function planIterations(scenario: string, s: LoadScenario): IterationPlanner {
  const target = compileTemplate(s.target, 'target');
  const client = compileTemplate(s.client, 'client');
  const message = compileTemplate(s.message as unknown as JsonValue, 'message');
  return ({ vu, iter, scenarioIter }, seed) => {
    const rng = createSeededRng(iterationSeed(seed, scenario, scenarioIter));
    const vars: TemplateVars = { vu, iter, scenarioIter, scenario };
    const receiver = String(target(vars, rng));
    const sender = String(client(vars, rng));
    const body = message(vars, rng) as unknown as Omit<MessageDraft, 'receiver'>;
    return {
      client: sender,
      draft: { ...body, receiver, sender },
      mode: s.mode,
      timeoutMs: s.timeoutMs,
      thinkMs: thinkTimeMs(s.thinkTime, rng),
    };
  };
}
