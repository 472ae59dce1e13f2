import { describe, expect, it } from 'vitest';
import type { PlaybackApi, PlaybackPosition } from '../../../browser/replay/types';
import type { Recording } from '../../../experiments/replay/types';
import { errorData } from '../../../protocol/errors';
import type { ActionManager } from '../../actions/createActionManager';
import type { ConnectedApi, WorkbenchStore } from '../../store/createWorkbenchStore';
import { createPlaybackSession, type PlaybackDeps } from './playbackSession';

const recording = { header: { name: 'r', id: 'r1' }, tape: [] } as unknown as Recording;
const at = (seq: number, extra: Partial<PlaybackPosition> = {}): PlaybackPosition => ({
  seq,
  t: 1000 + seq,
  first: 0,
  last: 9,
  playing: false,
  speed: 1,
  ...extra,
});

/** A playback worker stand-in that records what it was asked and what was disposed. */
function fakes(openResult: Awaited<ReturnType<PlaybackApi['open']>>) {
  const log: string[] = [];
  let positionListener: ((p: PlaybackPosition) => void) | undefined;
  const api = {
    open: async () => (log.push('open'), openResult),
    seek: async () => (log.push('seek'), at(5)),
    step: async (d: number) => (log.push(`step ${d}`), at(4)),
    play: async (speed: number) => void log.push(`play ${speed}`),
    pause: async () => (log.push('pause'), at(6)),
    onPosition: async (l: (p: PlaybackPosition) => void) => ((positionListener = l), () => log.push('off position')),
    close: async () => void log.push('close'),
  } as unknown as PlaybackApi;
  const deps: PlaybackDeps = {
    connect: () => ({ api, dispose: () => log.push('dispose') }),
    workbench: () => ({}) as ConnectedApi,
    createStore: () => ({ connect: () => () => log.push('disconnect') }) as unknown as WorkbenchStore,
    createActions: () => ({}) as ActionManager,
  };
  return { deps, log, push: (p: PlaybackPosition) => positionListener?.(p) };
}

const opened = { header: recording.header, markers: [], conversations: [], position: at(-1, { t: 500 }) };

describe('playback session', () => {
  it('opens a recording: a store to show, the view, the timeline zero at Record', async () => {
    const f = fakes(opened);
    const session = createPlaybackSession(f.deps);
    expect(await session.open(recording)).toBe(true);
    const s = session.getState();
    expect(s.phase).toBe('playback');
    expect(s.shown).not.toBeNull();
    expect(s.view).toMatchObject({ startT: 500, position: { seq: -1 } });
    f.push(at(3, { playing: true }));
    expect(session.getState().view?.position).toMatchObject({ seq: 3, playing: true });
  });

  it('a recording the player refuses leaves the live workbench shown, says why, and ends the worker', async () => {
    const f = fakes({ error: errorData('ORR506', 'recording "r": its tape produces a different event log') });
    const session = createPlaybackSession(f.deps);
    expect(await session.open(recording)).toBe(false);
    expect(session.getState()).toMatchObject({ phase: 'live', shown: null, view: null });
    expect(session.getState().error).toMatch(/^ORR506: recording "r"/);
    expect(f.log).toEqual(['open', 'dispose']);
  });

  it('controls move the cursor; speed changes while paused wait for play', async () => {
    const f = fakes(opened);
    const session = createPlaybackSession(f.deps);
    await session.open(recording);
    await session.controls.step(-1);
    expect(session.getState().view?.position.seq).toBe(4);
    await session.controls.setSpeed(5);
    expect(session.getState().view?.position.speed).toBe(5);
    await session.controls.play();
    expect(f.log).toContain('play 5');
  });

  it('closing goes back to live and disposes everything it started, once', async () => {
    const f = fakes(opened);
    const session = createPlaybackSession(f.deps);
    await session.open(recording);
    await session.close();
    await session.close();
    expect(session.getState()).toMatchObject({ phase: 'live', shown: null, view: null });
    expect(f.log.slice(1)).toEqual(['off position', 'disconnect', 'close', 'dispose']);
  });
});
