/**
 * A tape entry's shape: `t` a finite time that never goes back, `input` an object whose
 * `type` the kernel knows. What the input means is the kernel's business (it validates
 * every input it steps), not the file's.
 */
import { fileProblem } from '../../protocol/errors';
import type { KernelInput } from '../../kernel/types';
import type { TapeEntry } from '../../experiments/replay/types';
import { describeReceived } from '../errors';
import type { ProblemList } from '../problemList';

/** Every input type: the `Record` makes the compiler say so when the kernel gains one. */
const INPUT_TYPES: Record<KernelInput['type'], true> = {
  'agent.deploy': true,
  'agent.stop': true,
  'agent.start': true,
  'agent.restart': true,
  'agent.suspend': true,
  'agent.resume': true,
  'topic.create': true,
  'client.create': true,
  'node.remove': true,
  'link.add': true,
  'link.remove': true,
  'link.configure': true,
  'group.create': true,
  'agent.configure': true,
  'group.configure': true,
  'chaos.inject': true,
  'chaos.clear': true,
  'message.send': true,
  'agent.ready': true,
  'agent.init-failed': true,
  'agent.sent': true,
  'agent.handled': true,
  'agent.crashed': true,
  'kv.set': true,
  'agent.log': true,
  'agent.timer': true,
  tick: true,
};

export const KERNEL_INPUT_TYPES: readonly string[] = Object.keys(INPUT_TYPES);
const KNOWN = new Set(KERNEL_INPUT_TYPES);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks entry `index` (problems into `problems`); returns its time for the next entry's
 * order check (the previous one's when `t` is unusable, so one bad entry is one problem).
 */
export function checkTapeEntry(entry: unknown, index: number, previousT: number, problems: ProblemList): number {
  const at = `tape[${index}]`;
  if (!isObject(entry)) {
    problems.add(fileProblem('ORR504', at, 'an entry {"t": time, "input": {…}}', describeReceived(entry)));
    return previousT;
  }
  let t = previousT;
  const time = entry.t;
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0)
    problems.add(fileProblem('ORR504', `${at}.t`, 'a finite time in ms, 0 or more', describeReceived(time)));
  else if (time < previousT)
    problems.add(fileProblem('ORR504', `${at}.t`, `a time of at least ${previousT} (the entry before)`, String(time)));
  else t = time;
  const input = entry.input;
  if (!isObject(input)) problems.add(fileProblem('ORR504', `${at}.input`, 'a kernel input object', describeReceived(input)));
  else if (typeof input.type !== 'string' || !KNOWN.has(input.type))
    problems.add(
      fileProblem('ORR504', `${at}.input.type`, 'a kernel input type (e.g. "message.send", "tick")', describeReceived(input.type)),
    );
  return t;
}

/** The entry as the recording holds it (own fields only: nothing else rides along). */
export function tapeEntryOf(entry: unknown): TapeEntry {
  const e = entry as { t: number; input: KernelInput };
  return { t: e.t, input: e.input };
}
