/**
 * What the kernel worker sends the page: every event the UI always needs (lifecycle,
 * status, links, logs, dead letters, invalid input), whole `message.*` events only while a
 * panel that shows them is open (sampled to a cap per batch), and tallies of the message
 * events it left out, so counters and rates stay exact whatever is shown.
 */
import type { KernelEvent } from '../../kernel/types';

/** Per agent: messages it sent, delivered to it, failed towards it, handled by it. */
export interface AgentTally {
  sent: number;
  delivered: number;
  failed: number;
  handled: number;
}

/** Per link: deliveries by receiver, and the latency of those whose send time was known. */
export interface LinkTally {
  to: Record<string, number>;
  timed: number;
  latencySumMs: number;
  latencyMaxMs: number;
  latencyLastMs: number;
}

/** The message events of a batch that were not sent whole, added up. */
export interface MessageTally {
  /** The highest seq the tally covers (the UI's position in the log advances past them). */
  lastSeq: number;
  agents: Record<string, AgentTally>;
  links: Record<string, LinkTally>;
}

/** While messages are wanted: how many were sent whole and how many there were. */
export interface SampleCount {
  shown: number;
  total: number;
}

export interface UiBatch {
  /** In seq order. */
  events: KernelEvent[];
  tally?: MessageTally;
  sample?: SampleCount;
}

export interface StreamInterest {
  /** Whole message events (sampled): a panel that shows messages is open. */
  messages: boolean;
  /** Tallies of the left-out message events (default true; false: structure only). */
  tallies?: boolean;
}
