/**
 * The playback worker's logic (PlaybackApi over A's player), with time and timers injected so
 * it runs in Node tests: open, jump, step, play at a speed in frames of at most ~30 a second,
 * pause, the conversation filter, and the listeners the page subscribes.
 */
import { openPlayer, type Player } from '../../experiments/replay/player';
import type { Recording, RecordingHeader } from '../../experiments/replay/types';
import type { KindInfo } from '../../hosts/types';
import { errorData, OrreryError, type OrreryErrorData } from '../../protocol/errors';
import { readRecording } from '../../workspace/recording/readRecording';
import { RecordingFileError } from '../../workspace/recording/RecordingFileError';
import { createPlaybackCursor, PLAYBACK_WINDOW, type PlaybackCursor } from './playbackCursor';
import { planFrame, PLAYBACK_FRAME_MS, type PlaybackAnchor } from './playbackPacing';
import {
  PLAYBACK_SPEEDS,
  type PlaybackApi,
  type PlaybackBatch,
  type PlaybackOpened,
  type PlaybackPosition,
  type PlaybackSpeed,
} from './types';

export interface PlaybackSessionOptions {
  /** Default: the player's sliced opening pass (the worker stays responsive), with progress. */
  openPlayer?: (recording: Recording, progress: OpenProgress) => Player | Promise<Player>;
  /** Wall clock (ms). */
  now?: () => number;
  every?: (ms: number, tick: () => void) => () => void;
  windowSize?: number;
}

export type PlaybackSession = PlaybackApi & { dispose(): void };

export interface OpenProgress {
  onProgress?: (done: number, total: number) => void;
  /** Aborted when another recording is opened meanwhile. */
  signal: AbortSignal;
}

const sliced = (recording: Recording, { onProgress, signal }: OpenProgress) =>
  openPlayer(recording, { signal, ...(onProgress ? { onProgress } : {}) });

/** Why a recording did not open, as data (ORR506 from the player; anything else: the tape is not valid). */
function openError(e: unknown): OrreryErrorData {
  if (e instanceof RecordingFileError) return e.data;
  if (e instanceof OrreryError) {
    const { path, expected, received, hint } = e;
    return errorData(e.code, e.message.replace(/^ORR\d+: /, ''), { path, expected, received, hint });
  }
  return errorData('ORR504', `the recording's tape could not be played: ${e instanceof Error ? e.message : String(e)}`);
}

function noRecording(): never {
  throw new OrreryError(errorData('ORR512', 'no recording is open: open one first'));
}

/** A recording's modules as the palette lists kinds (a recording is read-only: nothing is spawned). */
function recordedKinds(header: RecordingHeader): KindInfo[] {
  return header.modules.map((m) => ({
    kind: m.kind,
    label: m.label,
    description: m.builtin ? 'built-in kind (recorded)' : 'uploaded component (recorded)',
    hash: m.hash,
    bytes: m.bytes?.length ?? 0,
    builtin: m.builtin,
    role: m.builtin ? 'core' : 'custom',
  }));
}

const defaultEvery = (ms: number, tick: () => void) => {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
};

/** Listeners of one kind: add returns the remover. */
function channel<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(value: T | undefined): void {
      if (value !== undefined) for (const listener of listeners) listener(value);
    },
  };
}

function positionOf(cursor: PlaybackCursor, playing: boolean, speed: PlaybackSpeed): PlaybackPosition {
  const { player, conversation } = cursor;
  return {
    seq: player.seq,
    t: player.timeOf(player.seq),
    first: player.first,
    last: player.last,
    playing,
    speed,
    ...(conversation !== undefined ? { conversation } : {}),
  };
}

/** The frame timer while playing; `anchor` maps wall time to recorded time (see playbackPacing). */
interface PlayLoop {
  anchor: PlaybackAnchor | undefined;
  readonly playing: boolean;
  start(anchor: PlaybackAnchor, frame: () => void): void;
  stop(): void;
}

function createPlayLoop(every: NonNullable<PlaybackSessionOptions['every']>): PlayLoop {
  let stopTimer: (() => void) | undefined;
  return {
    anchor: undefined,
    get playing() {
      return stopTimer !== undefined;
    },
    start(anchor, frame) {
      this.anchor = anchor;
      stopTimer ??= every(PLAYBACK_FRAME_MS, frame);
    },
    stop() {
      stopTimer?.();
      stopTimer = undefined;
      this.anchor = undefined;
    },
  };
}

/** Opens recordings into cursors; opening another cancels the one in progress (it rejects). */
function createOpener(open: NonNullable<PlaybackSessionOptions['openPlayer']>, windowSize: number) {
  let opening: AbortController | undefined;
  return async (
    read: () => Recording | Promise<Recording>,
    onProgress: OpenProgress['onProgress'],
  ): Promise<PlaybackCursor | { error: OrreryErrorData }> => {
    opening?.abort();
    const control = (opening = new AbortController());
    let opened: PlaybackCursor | { error: OrreryErrorData };
    try {
      const progress: OpenProgress = { signal: control.signal, ...(onProgress ? { onProgress } : {}) };
      opened = createPlaybackCursor(await open(await read(), progress), windowSize);
    } catch (e) {
      opened = { error: openError(e) };
    }
    if (control.signal.aborted) throw new Error('cancelled: another recording was opened meanwhile');
    return opened;
  };
}

export function createPlaybackSession(options: PlaybackSessionOptions = {}): PlaybackSession {
  const now = options.now ?? (() => performance.now());
  const openCursor = createOpener(options.openPlayer ?? sliced, options.windowSize ?? PLAYBACK_WINDOW);
  const batches = channel<PlaybackBatch>();
  const positions = channel<PlaybackPosition>();
  const loop = createPlayLoop(options.every ?? defaultEvery);
  let cursor: PlaybackCursor | undefined;
  let speed: PlaybackSpeed = 1;

  const current = (): PlaybackCursor => cursor ?? noRecording();
  const announce = (): PlaybackPosition => {
    const at = positionOf(current(), loop.playing, speed);
    positions.emit(at);
    return at;
  };

  function frame(): void {
    if (!cursor || !loop.anchor) return;
    const { player } = cursor;
    const plan = planFrame({ cursor: player.seq, last: player.last, timeOf: player.timeOf, anchor: loop.anchor, wallNow: now() });
    loop.anchor = plan.anchor;
    const moved = plan.to > player.seq;
    if (moved) batches.emit(cursor.moveTo(plan.to));
    if (plan.ended) loop.stop();
    if (moved || plan.ended) announce();
  }

  /** Sends the page what the move changed; a jump while playing goes on playing from there. */
  const moved = (batch: PlaybackBatch | undefined): PlaybackPosition => {
    const { player } = current();
    batches.emit(batch);
    if (loop.anchor) loop.anchor = { wall: now(), t: player.timeOf(player.seq), speed };
    return announce();
  };
  const move = (seq: number): PlaybackPosition => moved(current().moveTo(seq));

  async function openWith(read: () => Recording | Promise<Recording>, onProgress?: OpenProgress['onProgress']): Promise<PlaybackOpened> {
    loop.stop();
    cursor = undefined;
    const opened = await openCursor(read, onProgress);
    if ('error' in opened) return opened;
    cursor = opened;
    batches.emit(cursor.resetHere());
    const { player } = cursor;
    return { header: player.header, markers: [...player.markers()], conversations: player.conversations(), position: announce() };
  }

  const dispose = (): void => {
    loop.stop();
    cursor = undefined;
  };

  return {
    open: (recording, onProgress) => openWith(() => recording, onProgress),
    openFile: (bytes, onProgress) => openWith(() => readRecording(bytes), onProgress),
    seek: async (target) => moved(current().jump(target)),
    step: async (delta) => {
      loop.stop();
      return move(current().stepTarget(delta));
    },
    async play(next) {
      if (!PLAYBACK_SPEEDS.includes(next)) throw new RangeError(`speed must be one of ${PLAYBACK_SPEEDS.join(', ')}, got ${String(next)}`);
      const { player } = current();
      speed = next;
      if (player.seq >= player.last) move(player.first - 1);
      loop.start({ wall: now(), t: player.timeOf(player.seq), speed }, frame);
      announce();
    },
    pause: async () => (loop.stop(), announce()),
    async setConversation(id) {
      batches.emit(current().filter(id));
      announce();
    },
    onPosition: async (listener) => positions.add(listener),
    snapshot: async () => current().player.snapshot(),
    kinds: async () => (cursor ? recordedKinds(cursor.player.header) : []),
    inspect: async (agent) => ({ kv: current().player.kv(agent), mailbox: current().player.mailbox(agent) }),
    events: async (from, to) => current().player.eventsBetween(from, to),
    async subscribe(listener) {
      if (cursor) listener(cursor.resetHere());
      return batches.add(listener);
    },
    close: async () => dispose(),
    dispose,
  };
}
