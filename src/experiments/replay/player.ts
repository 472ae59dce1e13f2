/**
 * The player: a bare kernel stepped through a recording's tape. Opening it plays the tape
 * once (events, markers, conversations, and the log hash checked against the header's);
 * afterwards a cursor moves over the events and the kernel is brought to the cursor.
 *
 * The state at an event is the state after the tape entry that produced it (one input makes
 * several events, and the kernel is only observable between steps). Moving forward steps on;
 * moving back starts a fresh kernel and steps from the tape's beginning: there is no kernel
 * cloning, so a seek backwards costs a pass over the tape up to the target.
 */
import { errorData, OrreryError } from '../../protocol/errors';
import type { AclMessage } from '../../protocol/message';
import type { DeadLetter, KernelEvent, KernelSnapshot } from '../../kernel/types';
import { createBareKernel, type BareKernel } from './bareKernel';
import { createTapeScanner, type TapeScan } from './scanTape';
import { createTimelineIndex, type TimelineIndex } from './timelineIndex';
import { seekToSeq } from './seekTarget';
import type { Recording, RecordedConversationSummary, RecordingHeader, SeekTarget, TimelineMarker } from './types';

export interface Player {
  readonly header: RecordingHeader;
  /** Events from the start of playback. */
  readonly length: number;
  /** Seq of the first and last event of playback (first > last: nothing to play). */
  readonly first: number;
  readonly last: number;
  /** The last event applied (first − 1: before the first). */
  readonly seq: number;
  seekSeq(seq: number): number;
  seek(target: SeekTarget): number;
  stepEvent(delta: 1 | -1): number;
  snapshot(): KernelSnapshot;
  kv(agent: string): Record<string, string>;
  mailbox(agent: string): AclMessage[];
  deadLetters(): DeadLetter[];
  /** Events with seq in [from, to] (clamped to playback). */
  eventsBetween(from: number, to: number): KernelEvent[];
  event(seq: number): KernelEvent | undefined;
  timeOf(seq: number): number;
  /** The tape entry whose step made event `seq` (startIndex − 1 before the first). */
  entryOf(seq: number): number;
  markers(): readonly TimelineMarker[];
  conversations(): RecordedConversationSummary[];
  /** The conversation a message belongs to, when it has one. */
  conversationOf(messageId: string): string | undefined;
}

/** Opens a recording; throws OrreryError ORR506 when its tape no longer makes its log. */
export function createPlayer(recording: Recording): Player {
  const index = createTimelineIndex();
  const scanner = createTapeScanner(recording.header, recording.tape, recording.header.startIndex, (event, entry) =>
    index.add(event, entry),
  );
  return playerOver(recording, index, scanner.finish());
}

/**
 * `createPlayer` in slices of `slice` tape entries (default 20,000), yielding to the event
 * loop between them and reporting progress: a worker opening a million events stays responsive.
 */
export async function openPlayer(
  recording: Recording,
  options: { slice?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<Player> {
  const index = createTimelineIndex();
  const scanner = createTapeScanner(recording.header, recording.tape, recording.header.startIndex, (event, entry) =>
    index.add(event, entry),
  );
  const slice = options.slice ?? 20_000;
  while (scanner.step(slice)) {
    options.onProgress?.(scanner.done, recording.tape.length);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    options.signal?.throwIfAborted();
  }
  options.onProgress?.(scanner.done, recording.tape.length);
  return playerOver(recording, index, scanner.finish());
}

function playerOver(recording: Recording, index: TimelineIndex, scan: TapeScan): Player {
  const { header, tape } = recording;
  if (scan.logHash !== header.logHash) {
    throw new OrreryError(
      errorData('ORR506', `recording "${header.name}": its tape produces a different event log`, {
        expected: header.logHash,
        received: scan.logHash,
      }),
    );
  }
  const first = scan.first;
  const last = scan.total - 1;
  let bare: BareKernel = createBareKernel(header);
  let applied = 0;
  let cursor = first - 1;

  function bringTo(entries: number): void {
    if (entries < applied) {
      bare = createBareKernel(header);
      applied = 0;
    }
    for (; applied < entries; applied++) bare.step(tape[applied]!);
  }

  function seekSeq(seq: number): number {
    if (!Number.isInteger(seq) || seq < first - 1 || seq > last) {
      throw new OrreryError(
        errorData('ORR512', `no event ${seq} in recording "${header.name}"`, { expected: `${first - 1}..${last}`, received: String(seq) }),
      );
    }
    bringTo(seq < first ? header.startIndex : index.entryOf(seq - first) + 1);
    cursor = seq;
    return cursor;
  }
  seekSeq(first - 1);

  const eventsBetween = (from: number, to: number): KernelEvent[] =>
    index.events.slice(Math.max(0, from - first), Math.max(0, Math.min(last, to) - first + 1));

  return {
    header,
    length: index.events.length,
    first,
    last,
    get seq() {
      return cursor;
    },
    seekSeq,
    seek: (target) =>
      seekSeq(seekToSeq(target, { cursor, first, last, events: index.events, markers: index.markers, sentAt: index.sentAt })),
    stepEvent: (delta) => seekSeq(Math.min(last, Math.max(first - 1, cursor + delta))),
    snapshot: () => bare.kernel.snapshot(),
    kv: (agent) => bare.kernel.kv(agent),
    mailbox: (agent) => bare.kernel.mailbox(agent),
    deadLetters: () => bare.kernel.deadLetters(),
    eventsBetween,
    event: (seq) => index.events[seq - first],
    timeOf: (seq) => (seq < first ? (tape[header.startIndex]?.t ?? 0) : (index.events[Math.min(seq, last) - first]?.t ?? 0)),
    entryOf: (seq) => (seq < first ? header.startIndex - 1 : index.entryOf(Math.min(seq, last) - first)),
    markers: () => index.markers,
    conversations: () => [...index.conversations.values()],
    conversationOf: (id) => index.conversationOf.get(id),
  };
}
