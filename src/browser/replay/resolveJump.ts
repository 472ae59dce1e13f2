/**
 * Where a jump lands, found without moving the player: the player's own `seek` moves its
 * kernel first, and a jump back would then cost two passes over the tape (one to the target,
 * one to the start of the page's window) instead of one.
 */
import type { Player } from '../../experiments/replay/player';
import { FAILURE_MARKERS } from '../../experiments/replay/seekTarget';
import { errorData, OrreryError } from '../../protocol/errors';
import { lastSeqAtOrBefore } from './playbackPacing';
import type { JumpTarget } from './types';

const SCAN_CHUNK = 4_096;

function sentSeq(player: Player, messageId: string): number {
  for (let from = player.first; from <= player.last; from += SCAN_CHUNK) {
    const found = player.eventsBetween(from, from + SCAN_CHUNK - 1).find((e) => e.type === 'message.sent' && e.message.id === messageId);
    if (found) return found.seq;
  }
  throw new OrreryError(errorData('ORR512', `no message "${messageId}" was sent in this recording`));
}

/** The seq to move to; a jump with nowhere to go (no later failure...) stays at the cursor. */
export function resolveJump(player: Player, target: JumpTarget): number {
  const cursor = player.seq;
  const markers = player.markers();
  switch (target.to) {
    case 'seq':
      return target.seq;
    case 'time':
      return lastSeqAtOrBefore(player.timeOf, player.first, player.last, target.t);
    case 'message':
      return sentSeq(player, target.messageId);
    case 'next-failure':
      return markers.find((m) => m.seq > cursor && FAILURE_MARKERS.has(m.kind))?.seq ?? cursor;
    case 'previous-failure':
      return markers.findLast((m) => m.seq < cursor && FAILURE_MARKERS.has(m.kind))?.seq ?? cursor;
    case 'next-marker':
      return markers.find((m) => m.seq > cursor)?.seq ?? cursor;
    case 'previous-marker':
      return markers.findLast((m) => m.seq < cursor)?.seq ?? cursor;
  }
}
