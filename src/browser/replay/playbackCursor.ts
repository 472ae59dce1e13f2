/**
 * A player's cursor as the page sees it: every move becomes one batch for the subscribers —
 * forward moves send the events passed over; a move back or a long jump sends a reset with
 * the state just before a retained window, then the window (so the log shows the events that
 * led to the moment). The conversation filter applies to every batch.
 */
import type { Player } from '../../experiments/replay/player';
import type { KernelEvent } from '../../kernel/types';
import { errorData, OrreryError } from '../../protocol/errors';
import { filterBatch, keepsEvent } from './conversationFilter';
import { resolveJump } from './resolveJump';
import type { JumpTarget, PlaybackBatch } from './types';

/** Events sent before the cursor after a reset: what the live workbench's log keeps too. */
export const PLAYBACK_WINDOW = 1_000;

export interface PlaybackCursor {
  readonly player: Player;
  conversation: string | undefined;
  /** Moves to `seq` and returns the batch that brings the page there (undefined: no move). */
  moveTo(seq: number): PlaybackBatch | undefined;
  /** Jumps (to a time, a message, a marker...) and returns the batch that brings the page there. */
  jump(target: JumpTarget): PlaybackBatch | undefined;
  /** The page's view from scratch at the cursor (a new subscriber, a filter change). */
  resetHere(): PlaybackBatch;
  /** Plays back only this conversation's messages (undefined: all); the view starts over. */
  filter(conversation: string | undefined): PlaybackBatch;
  /** The seq one visible event away (the filter hides other conversations' messages). */
  stepTarget(delta: 1 | -1): number;
}

export function createPlaybackCursor(player: Player, windowSize = PLAYBACK_WINDOW): PlaybackCursor {
  const conversationOf = (id: string) => player.conversationOf(id);
  const cursor: PlaybackCursor = {
    player,
    conversation: undefined,
    moveTo(seq) {
      const from = player.seq;
      // The player refuses a seq it does not have (ORR512) before moving.
      if (!Number.isInteger(seq) || seq < player.first - 1 || seq > player.last) player.seekSeq(seq);
      if (seq === from) return undefined;
      if (seq > from && seq - from <= windowSize) {
        const events = player.eventsBetween(from + 1, seq);
        player.seekSeq(seq);
        return filterBatch(events, cursor.conversation, conversationOf);
      }
      // One pass over the tape: straight to the window's start, then forward to `seq`.
      return resetAt(player, seq, windowSize, cursor.conversation);
    },
    jump: (target) => cursor.moveTo(resolveJump(player, target)),
    resetHere: () => resetAt(player, player.seq, windowSize, cursor.conversation),
    filter(conversation) {
      if (conversation !== undefined && !player.conversations().some((c) => c.id === conversation))
        throw new OrreryError(errorData('ORR512', `no conversation "${conversation}" in this recording`));
      cursor.conversation = conversation;
      return cursor.resetHere();
    },
    stepTarget(delta) {
      const visible = (e: KernelEvent) => cursor.conversation === undefined || keepsEvent(e, cursor.conversation, conversationOf);
      return delta > 0 ? nextVisible(player, visible) : previousVisible(player, visible);
    },
  };
  return cursor;
}

function resetAt(player: Player, seq: number, windowSize: number, conversation: string | undefined): PlaybackBatch {
  // The state at an event is the state after its tape entry, so the window starts where the
  // snapshot's kernel stands (`snapshot.seq`): no event is both in the snapshot and the window.
  player.seekSeq(Math.max(player.first - 1, seq - windowSize));
  const snapshot = player.snapshot();
  player.seekSeq(seq);
  const events = player.eventsBetween(snapshot.seq, seq);
  return { reset: true, snapshot, ...filterBatch(events, conversation, (id) => player.conversationOf(id)) };
}

const SCAN_CHUNK = 512;

function nextVisible(player: Player, visible: (e: KernelEvent) => boolean): number {
  for (let from = player.seq + 1; from <= player.last; from += SCAN_CHUNK) {
    const found = player.eventsBetween(from, from + SCAN_CHUNK - 1).find(visible);
    if (found) return found.seq;
  }
  return player.last;
}

function previousVisible(player: Player, visible: (e: KernelEvent) => boolean): number {
  // The event at the cursor is the one to step back over: land on the visible one before it.
  for (let to = player.seq - 1; to >= player.first; to -= SCAN_CHUNK) {
    const found = player.eventsBetween(Math.max(player.first, to - SCAN_CHUNK + 1), to).findLast(visible);
    if (found) return found.seq;
  }
  return player.first - 1;
}
