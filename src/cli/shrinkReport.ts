/**
 * What `orrery shrink` says: the minimal messages and faults, the checks the minimal run
 * fails, its conversations (stdout), one progress line per run tried (stderr), the result
 * as JSON (--json).
 */
import type { FailedCheck } from '../experiments/chaos/result';
import type { TimedCommand } from '../experiments/replay/externalInputs';
import type { ShrinkResult } from '../experiments/replay/shrink';
import type { Recording } from '../experiments/replay/types';
import { messageLine } from './replayReport';

export interface ShrinkRun {
  file: string;
  recording: Recording;
  seed: number;
  result: ShrinkResult;
  /** The messages and faults the minimal recording keeps. */
  kept: readonly TimedCommand[];
  /** Checks the minimal run fails. */
  failed: readonly FailedCheck[];
  out?: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const json = (value: unknown, max = 100) => {
  const text = JSON.stringify(value) ?? '(absent)';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One input: `message request load → echo: {"n":1}`, `fault drop on links load--echo (p 0.5)`. */
export function inputLine(input: TimedCommand): string {
  const c = input.command;
  const at = `at ${seconds(input.t)}`;
  if (c.type === 'message.send') {
    const m = (c.message ?? {}) as { performative?: unknown; sender?: unknown; receiver?: unknown; content?: unknown };
    const receiver = Array.isArray(m.receiver) ? m.receiver.join(',') : String(m.receiver);
    return `${at}  message ${String(m.performative)} ${String(c.from ?? m.sender ?? 'you')} → ${receiver}: ${json(m.content)}`;
  }
  if (c.type === 'chaos.inject') {
    const { effect, target, probability } = c.fault;
    const on = [...(target.links ?? []).map((l) => `link ${l}`), ...(target.agents ?? []).map((a) => `agent ${a}`)];
    return `${at}  fault ${effect.kind} on ${on.join(', ') || 'everything'} (p ${probability})  [${c.fault.id}]`;
  }
  if (c.type === 'chaos.clear') return `${at}  fault cleared: ${c.id ?? 'all'}`;
  return `${at}  ${c.type}`;
}

export const checkLine = (f: FailedCheck) =>
  `${f.window} / ${f.probe}: ${f.detail} (measured ${f.value ?? 'nothing'}, needs ${f.threshold})`;

/** A progress line for one run tried. */
export function stepLine(run: number, kept: number, total: number, failed: boolean): string {
  return `shrink: run ${run}: ${kept} of ${total} messages and faults: ${failed ? 'still fails' : 'passes'}`;
}

export function renderShrink(run: ShrinkRun, quiet: boolean): string {
  const { result } = run;
  const found =
    result.to < result.from
      ? `shrunk: ${result.from} → ${result.to} messages and faults in ${plural(result.steps.length, 'run')} (seed ${run.seed})`
      : `already minimal: none of its ${result.from} messages and faults can go (${plural(result.steps.length, 'run')}, seed ${run.seed})`;
  const lines = [`shrink: ${run.recording.header.name}   (${run.file})`, found];
  if (result.gaveUp) lines.push('  stopped at the most runs allowed: smaller may exist');
  if (quiet) return [...lines.slice(1), ...run.failed.slice(0, 1).map((f) => `fails: ${checkLine(f)}`)].join('\n');
  lines.push('', `minimal inputs (${run.kept.length}):`, ...run.kept.map((i) => `  ${inputLine(i)}`));
  lines.push('', `fails (${run.failed.length}):`, ...run.failed.map((f) => `  ${checkLine(f)}`));
  const shown = result.conversations.slice(0, 10);
  lines.push(
    '',
    `minimal conversations (${result.conversations.length}${shown.length < result.conversations.length ? `, first ${shown.length}` : ''}):`,
  );
  for (const c of shown) lines.push(`  ${c.id}:`, ...c.messages.slice(0, 8).map((m) => `    ${messageLine(m)}`));
  if (run.out !== undefined)
    lines.push('', `recording: ${run.out} (${run.recording.tape.length} → ${result.recording.tape.length} inputs)`);
  return lines.join('\n');
}

export function shrinkJson(run: ShrinkRun): unknown {
  const { result } = run;
  return {
    recording: { file: run.file, name: run.recording.header.name, logHash: run.recording.header.logHash },
    seed: run.seed,
    shrunk: result.to < result.from,
    from: result.from,
    to: result.to,
    gaveUp: result.gaveUp,
    steps: result.steps,
    inputs: run.kept.map((i) => ({ index: i.index, t: i.t, command: i.command })),
    failed: run.failed,
    conversations: result.conversations.length,
    logHash: result.recording.header.logHash,
    ...(run.out !== undefined ? { out: run.out } : {}),
  };
}
