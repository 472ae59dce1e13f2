/** Where a jump lands: a SeekTarget resolved to an event seq (pure). */
import { errorData, OrreryError } from '../../protocol/errors';
import type { KernelEvent } from '../../kernel/types';
import type { SeekTarget, TimelineMarker } from './types';

/** Marker kinds a "next / previous failure" jump stops at. */
export const FAILURE_MARKERS: ReadonlySet<TimelineMarker['kind']> = new Set(['crash', 'failure', 'dead-letter', 'escalation']);

export interface SeekContext {
  cursor: number;
  first: number;
  last: number;
  events: readonly KernelEvent[];
  markers: readonly TimelineMarker[];
  sentAt: ReadonlyMap<string, number>;
}

/** The seq to move to; a jump with nowhere to go (no later failure...) stays at the cursor. */
export function seekToSeq(target: SeekTarget, context: SeekContext): number {
  switch (target.to) {
    case 'seq':
      return target.seq;
    case 'time':
      return lastAtOrBefore(context, target.t);
    case 'message': {
      const seq = context.sentAt.get(target.messageId);
      if (seq === undefined) throw new OrreryError(errorData('ORR512', `no message "${target.messageId}" was sent in this recording`));
      return seq;
    }
    case 'next-failure':
      return context.markers.find((m) => m.seq > context.cursor && FAILURE_MARKERS.has(m.kind))?.seq ?? context.cursor;
    case 'previous-failure':
      return context.markers.findLast((m) => m.seq < context.cursor && FAILURE_MARKERS.has(m.kind))?.seq ?? context.cursor;
    case 'next-marker':
      return context.markers.find((m) => m.seq > context.cursor)?.seq ?? context.cursor;
    case 'previous-marker':
      return context.markers.findLast((m) => m.seq < context.cursor)?.seq ?? context.cursor;
  }
}

/** The last event at or before time `t` (first − 1 when none is). */
function lastAtOrBefore({ events, first }: SeekContext, t: number): number {
  let lo = 0;
  let hi = events.length; // first index with time > t
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return first + lo - 1;
}
