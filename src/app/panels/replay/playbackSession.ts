/**
 * Playback mode: which store the workbench shows. Opening a recording starts a playback
 * worker and an ordinary workbench store over it (so the canvas, log, sequence view and
 * inspector show the recording without knowing it is one); closing it disposes both and
 * the live store is shown again. The live store keeps running underneath all along.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ConversationSummary,
  JumpTarget,
  PlaybackApi,
  PlaybackMarker,
  PlaybackPosition,
  PlaybackSpeed,
} from '../../../browser/replay/types';
import type { Recording, RecordingHeader } from '../../../experiments/replay/types';
import { formatError } from '../../../protocol/errors';
import type { ActionManager } from '../../actions/createActionManager';
import type { ConnectedApi, WorkbenchStore } from '../../store/createWorkbenchStore';
import { errorText } from '../../errors';

/** A playback worker as the session holds it. */
export interface PlaybackConnection {
  api: PlaybackApi;
  dispose(): void;
}

export interface PlaybackDeps {
  connect(): PlaybackConnection;
  /** The workbench API over the playback (C1's createPlaybackWorkbench). */
  workbench(api: PlaybackApi): ConnectedApi;
  createStore(api: ConnectedApi): WorkbenchStore;
  createActions(store: WorkbenchStore): ActionManager;
}

/** What the timeline and the Replay tab know of the open recording. */
export interface PlaybackView {
  recording: Recording;
  header: RecordingHeader;
  markers: PlaybackMarker[];
  conversations: ConversationSummary[];
  position: PlaybackPosition;
  /** Kernel time when Record was pressed (the timeline's zero). */
  startT: number;
}

export interface PlaybackSessionState {
  phase: 'live' | 'opening' | 'playback';
  view: PlaybackView | null;
  /** The store and actions the workbench shows while in playback. */
  shown: { store: WorkbenchStore; actions: ActionManager } | null;
  /** Why the last open or control failed (coded, for people). */
  error: string | null;
  /** While opening: tape entries stepped so far, of all (a long recording takes a while). */
  progress: { done: number; total: number } | null;
}

export interface PlaybackControls {
  seek(target: JumpTarget): Promise<void>;
  step(delta: 1 | -1): Promise<void>;
  play(speed?: PlaybackSpeed): Promise<void>;
  pause(): Promise<void>;
  setSpeed(speed: PlaybackSpeed): Promise<void>;
  setConversation(id: string | undefined): Promise<void>;
}

export interface PlaybackSession extends StoreApi<PlaybackSessionState> {
  /** Opens a recording (closing any open one); false when the player refused it (`error` says why). */
  open(recording: Recording): Promise<boolean>;
  /** Back to the live workbench. */
  close(): Promise<void>;
  readonly controls: PlaybackControls;
}

interface Opened {
  connection: PlaybackConnection;
  disconnect(): void;
  offPosition(): void;
}

function openedError(result: Awaited<ReturnType<PlaybackApi['open']>>): string | null {
  return 'error' in result ? formatError(result.error) : null;
}

export function createPlaybackSession(deps: PlaybackDeps): PlaybackSession {
  const state = createStore<PlaybackSessionState>()(() => ({ phase: 'live', view: null, shown: null, error: null, progress: null }));
  let opened: Opened | null = null;

  const setPosition = (position: PlaybackPosition) => state.setState((s) => (s.view ? { view: { ...s.view, position } } : {}));
  const api = () => opened?.connection.api;
  const guarded = async (run: (playback: PlaybackApi) => Promise<PlaybackPosition | void>) => {
    const playback = api();
    if (!playback) return;
    try {
      const position = await run(playback);
      if (position) setPosition(position);
      if (state.getState().error) state.setState({ error: null });
    } catch (error) {
      state.setState({ error: errorText(error) });
    }
  };

  const close = async () => {
    const was = opened;
    opened = null;
    state.setState({ phase: 'live', view: null, shown: null });
    if (!was) return;
    was.offPosition();
    was.disconnect();
    await was.connection.api.close().catch(() => undefined);
    was.connection.dispose();
  };

  const open = async (recording: Recording): Promise<boolean> => {
    await close();
    state.setState({ phase: 'opening', error: null, progress: null });
    const connection = deps.connect();
    try {
      const result = await connection.api.open(recording, (done, total) => state.setState({ progress: { done, total } }));
      const refused = openedError(result);
      if (refused || 'error' in result) throw new Error(refused ?? 'refused');
      const store = deps.createStore(deps.workbench(connection.api));
      const disconnect = store.connect();
      const offPosition = await connection.api.onPosition(setPosition);
      opened = { connection, disconnect, offPosition };
      const { header, markers, conversations, position } = result;
      state.setState({
        progress: null,
        phase: 'playback',
        view: { recording, header, markers, conversations, position, startT: position.t },
        shown: { store, actions: deps.createActions(store) },
      });
      return true;
    } catch (error) {
      connection.dispose();
      state.setState({ phase: 'live', error: errorText(error), progress: null });
      return false;
    }
  };

  const controls: PlaybackControls = {
    seek: (target) => guarded((p) => p.seek(target)),
    step: (delta) => guarded((p) => p.step(delta)),
    play: (speed) => guarded((p) => p.play(speed ?? ((state.getState().view?.position.speed ?? 1) as PlaybackSpeed))),
    pause: () => guarded((p) => p.pause()),
    setSpeed: (speed) =>
      guarded(async (p) => {
        const position = state.getState().view?.position;
        if (position?.playing) await p.play(speed);
        else if (position) setPosition({ ...position, speed });
      }),
    setConversation: (id) => guarded((p) => p.setConversation(id)),
  };

  return Object.assign(state, { open, close, controls });
}
