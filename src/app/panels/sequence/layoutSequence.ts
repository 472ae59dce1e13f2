/**
 * The sequence diagram (JADE Sniffer view) as a pure function: lanes across, one message
 * per step down, and only the steps inside the visible window get arrows. The component
 * draws what this returns; tests check it without a DOM.
 */
import { CONSOLE, KERNEL_SENDER } from '../../../protocol/names';
import type { LogRow } from '../../store/types';
import { receiversOf } from '../log/rowModel';
import { conversationStyle, type ConversationStyle } from './conversationStyle';

export type LaneKind = 'console' | 'kernel' | 'agent' | 'other';

export interface Lane {
  name: string;
  kind: LaneKind;
  /** Centre of the lane, in diagram units (before zoom). */
  x: number;
}

export interface Arrow {
  /** `<message id>→<receiver>` (unique per arrow). */
  key: string;
  rowKey: string;
  /** Step number in the sniffed sequence (0 = first shown message). */
  step: number;
  y: number;
  from: string;
  to: string;
  x1: number;
  x2: number;
  performative: string;
  conversation?: string;
  style: ConversationStyle;
  failed: boolean;
  /** Failure reason, for the title. */
  reason?: string;
  /** A message a node sent to itself: drawn as a loop. */
  self: boolean;
  /** Title and accessible name. */
  title: string;
}

export interface SequenceOptions {
  /** Live agents, in deployment order: they get lanes even before they talk. */
  agents?: readonly string[];
  /** Lanes left out (not sniffed). */
  hidden?: ReadonlySet<string>;
  /** First step to lay out and how many (the visible window). */
  start?: number;
  count?: number;
  laneWidth?: number;
  stepHeight?: number;
  /** Left margin before the first lane centre and top margin before the first step. */
  left?: number;
  top?: number;
}

export interface SequenceLayout {
  lanes: Lane[];
  arrows: Arrow[];
  /** Steps in the sniffed sequence (all of them, not only the window). */
  steps: number;
  width: number;
  height: number;
}

export const LANE_WIDTH = 140;
export const STEP_HEIGHT = 28;

/** Every party named by the rows, in order: `you`, agents, others as they appear, `kernel`. */
export function laneNames(rows: readonly LogRow[], agents: readonly string[] = []): string[] {
  const seen = new Set<string>([CONSOLE, ...agents]);
  const others: string[] = [];
  let kernel = false;
  const note = (name: string) => {
    if (name === KERNEL_SENDER) kernel = true;
    else if (!seen.has(name)) {
      seen.add(name);
      others.push(name);
    }
  };
  for (const row of rows) {
    if (row.outcome === 'invalid') continue;
    note(row.sender);
    for (const r of receiversOf(row)) note(r);
  }
  return [CONSOLE, ...agents.filter((a) => a !== CONSOLE && a !== KERNEL_SENDER), ...others, ...(kernel ? [KERNEL_SENDER] : [])];
}

function kindOf(name: string, agents: ReadonlySet<string>): LaneKind {
  if (name === CONSOLE) return 'console';
  if (name === KERNEL_SENDER) return 'kernel';
  return agents.has(name) ? 'agent' : 'other';
}

/** Row indices shown with these lanes hidden: the sender's lane and one receiver's lane visible. */
export function sniffedSteps(rows: readonly LogRow[], hidden: ReadonlySet<string>): number[] {
  const steps: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.outcome === 'invalid' || hidden.has(row.sender)) continue;
    if (hidden.size === 0 || receiversOf(row).some((r) => !hidden.has(r))) steps.push(i);
  }
  return steps;
}

export function layoutSequence(
  rows: readonly LogRow[],
  options: SequenceOptions = {},
  /** Precomputed `laneNames` and `sniffedSteps`, so a scroll does not rescan every row. */
  cache?: { names?: readonly string[]; steps?: readonly number[] },
): SequenceLayout {
  const hidden = options.hidden ?? new Set<string>();
  const laneWidth = options.laneWidth ?? LANE_WIDTH;
  const stepHeight = options.stepHeight ?? STEP_HEIGHT;
  const left = options.left ?? laneWidth / 2;
  const top = options.top ?? stepHeight / 2;
  const agentSet = new Set(options.agents ?? []);

  const names = (cache?.names ?? laneNames(rows, options.agents)).filter((n) => !hidden.has(n));
  const lanes: Lane[] = names.map((name, i) => ({ name, kind: kindOf(name, agentSet), x: left + i * laneWidth }));
  const xOf = new Map(lanes.map((l) => [l.name, l.x]));

  const steps = cache?.steps ?? sniffedSteps(rows, hidden);
  const start = Math.max(0, Math.min(options.start ?? 0, steps.length));
  const end = Math.min(steps.length, start + (options.count ?? steps.length));
  const arrows: Arrow[] = [];
  for (let step = start; step < end; step++) {
    const row = rows[steps[step]!]!;
    const x1 = xOf.get(row.sender);
    if (x1 === undefined) continue;
    const conversation = row.message?.conversation_id;
    const style = conversationStyle(conversation);
    const failed = row.outcome === 'failed' || row.outcome === 'dead-lettered';
    for (const to of receiversOf(row)) {
      const x2 = xOf.get(to);
      if (x2 === undefined) continue;
      const parts = [`${row.performative} from ${row.sender} to ${to}`];
      if (conversation) parts.push(`conversation ${conversation}`);
      if (failed) parts.push(`${row.outcome}: ${row.reason ?? 'unknown reason'}`);
      arrows.push({
        key: `${row.key}→${to}`,
        rowKey: row.key,
        step,
        y: top + step * stepHeight,
        from: row.sender,
        to,
        x1,
        x2,
        performative: row.performative,
        ...(conversation ? { conversation } : {}),
        style,
        failed,
        ...(failed && row.reason ? { reason: row.reason } : {}),
        self: to === row.sender,
        title: parts.join(' · '),
      });
    }
  }
  return {
    lanes,
    arrows,
    steps: steps.length,
    width: left + Math.max(0, lanes.length - 1) * laneWidth + laneWidth / 2,
    height: top + steps.length * stepHeight + stepHeight / 2,
  };
}
