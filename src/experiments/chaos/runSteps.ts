/**
 * The steps of a run, as functions of a RunContext: perform a planned action (phases,
 * injections, pulses, clears), send one workload request, note timeline entries.
 */
import type { SeededRng } from '../../kernel/rng';
import type { FaultSpec } from '../../kernel/resilienceTypes';
import type { JsonValue } from '../../protocol/message';
import type { ExperimentShell } from '../ExperimentShell';
import { withId, type PlannedAction } from './planExperiment';
import type { TimelineEntry } from './result';
import type { ClientLoad } from './types';

export interface RunContext {
  shell: ExperimentShell;
  /** The workload's stream: arrivals, random targets, pulse picks. */
  rng: SeededRng;
  timeline: TimelineEntry[];
  /** Commands the kernel refused and sends that failed: the run fails. */
  errors: string[];
  onProgress?: ((entry: TimelineEntry) => void) | undefined;
}

export function note(ctx: RunContext, entry: TimelineEntry): void {
  ctx.timeline.push(entry);
  ctx.onProgress?.(entry);
}

export function perform(ctx: RunContext, action: PlannedAction): void {
  const { shell, rng } = ctx;
  const t = shell.now();
  switch (action.type) {
    case 'phase.start':
    case 'phase.end':
      note(ctx, {
        t,
        kind: action.type,
        label: `${action.type === 'phase.start' ? 'start' : 'end'} of phase ${action.phase}`,
        phase: action.phase,
      });
      return;
    case 'inject':
      inject(ctx, action.fault, action.phase);
      return;
    case 'pulse': {
      const f = action.pulse.fault;
      let target = f.target;
      if (action.pulse.pick === 'one') {
        const agents = f.target.agents ?? [];
        const links = f.target.links ?? [];
        const i = rng.int(agents.length + links.length);
        target = i < agents.length ? { agents: [agents[i]!] } : { links: [links[i - agents.length]!] };
      }
      inject(ctx, { ...withId(f, action.id), id: action.id, target }, action.phase);
      return;
    }
    case 'clear': {
      const { error } = shell.command({ type: 'chaos.clear', id: action.id });
      if (error) fail(ctx, `chaos.clear ${action.id}: ${error.code}: ${error.message}`, action.phase);
      else note(ctx, { t, kind: 'fault.cleared', label: `cleared ${action.id}`, phase: action.phase, fault: action.id });
      return;
    }
  }
}

function inject(ctx: RunContext, fault: FaultSpec, phase: string): void {
  const { shell } = ctx;
  const { error } = shell.command({ type: 'chaos.inject', fault });
  if (error) return fail(ctx, `chaos.inject ${fault.id} (${fault.effect.kind}): ${error.code}: ${error.message}`, phase);
  const where = [...(fault.target.agents ?? []), ...(fault.target.links ?? [])].join(', ') || 'everything';
  note(ctx, {
    t: shell.now(),
    kind: 'fault.injected',
    label: `${fault.effect.kind} on ${where} (p=${fault.probability})`,
    phase,
    fault: fault.id,
    faultKind: fault.effect.kind,
  });
}

export function fail(ctx: RunContext, message: string, phase?: string): void {
  ctx.errors.push(message);
  const entry: TimelineEntry = { t: ctx.shell.now(), kind: 'error', label: message };
  if (phase !== undefined) entry.phase = phase;
  note(ctx, entry);
}

export function sendOne(ctx: RunContext, load: LoadState): void {
  const { shell, rng } = ctx;
  const c = load.spec;
  const n = ++load.sent;
  const target = c.pick === 'random' ? c.targets[rng.int(c.targets.length)]! : c.targets[(n - 1) % c.targets.length]!;
  const content: JsonValue = c.content !== undefined ? c.content : { seq: n };
  const tag = `${c.client}#${n}`;
  const result = shell.send(
    {
      performative: c.performative ?? 'request',
      receiver: target,
      content,
      reply_with: tag,
      conversation_id: tag,
      reply_by: shell.now() + c.timeoutMs,
    },
    c.client,
  );
  if (!result.ok && load.errors++ < 3) fail(ctx, `send from ${c.client} to ${target}: ${result.error}`);
  load.next += load.gap();
}

// ─── Workload ─────────────────────────────────────────────────────────────────

export interface LoadState {
  spec: ClientLoad;
  /** Relative time of the next send. */
  next: number;
  sent: number;
  errors: number;
  gap(): number;
}

export function startLoad(spec: ClientLoad, index: number, of: number, rng: SeededRng): LoadState {
  const mean = 1000 / spec.ratePerSecond;
  const gap = spec.arrival === 'poisson' ? () => -Math.log(1 - rng.next()) * mean : () => mean;
  // Stagger clients inside the first interval so they do not all fire at the same instant.
  return { spec, next: (mean * index) / of, sent: 0, errors: 0, gap };
}
