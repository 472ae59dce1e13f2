/**
 * One workbench store per workbench instance (xyflow's `createStore(props)` pattern):
 * a zustand vanilla store fed by the kernel's event batches. React reads it through
 * narrow selectors; nothing in here knows about React.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WorkbenchApi } from '../../hosts/types';
import type { KernelEvent } from '../../kernel/types';
import type { ErrorCode } from '../../protocol/errors';
import { APP_ERRORS, errorText } from '../errors';
import { createCanvasSlice, reduceCanvasEvents, type CanvasData, type CanvasSliceActions } from '../panels/canvas/canvasSlice';
import { createComposerSlice, type ComposerSliceActions, type ComposerSliceData } from '../panels/composer/composerSlice';
import { createMessageViewSlice, type MessageViewSliceActions, type MessageViewSliceData } from '../panels/log/messageViewSlice';
import { reduceConfigureEvents } from './reduceConfigureEvents';
import { reduceEvents } from './reduceEvents';
import { applySnapshot, snapshotFits } from './applySnapshot';
import { reduceTally } from './reduceTally';
import { resetProjection } from './resetProjection';
import { mergeBatches } from './mergeBatches';
import { createInterest, type InterestRegistry } from './interest';
import { atNextVisualTick, VISUAL_TICK_MS } from './visualTick';
import type { StreamInterest, UiBatch } from '../../browser/stream/uiStreamTypes';
import type { UiStreamSubscription } from '../../browser/connectWorkbench';
import type { PlaybackBatch } from '../../browser/replay/types';
import {
  createResilienceSlice,
  reduceResilienceEvents,
  type ResilienceSliceActions,
  type ResilienceSliceData,
} from '../panels/chaos/resilienceSlice';
import { createLoadLabSlice, type LoadLabSliceActions, type LoadLabSliceData } from '../panels/load/loadSlice';
import type { DockTab, Notice, Theme, WorkbenchData, XY } from './types';
import { createContractsSlice, type ContractsSliceActions, type ContractsSliceData } from './contractsSlice';
import { connectContracts, type ContractsCapableApi } from './connectContracts';

export interface WorkbenchActions {
  setSelected(name: string | null): void;
  setTheme(theme: Theme): void;
  setDockTab(tab: DockTab): void;
  setPositions(moves: Record<string, XY>): void;
  /** Reserve a name (and where it should appear) before `agent.deploy` is sent. */
  reserve(name: string, at: XY | null): void;
  release(name: string): void;
  notify(code: ErrorCode, message: string): void;
  dismiss(id: number): void;
}

export type WorkbenchState = WorkbenchData &
  WorkbenchActions &
  ComposerSliceData &
  ComposerSliceActions &
  MessageViewSliceData &
  MessageViewSliceActions &
  CanvasData &
  CanvasSliceActions &
  ResilienceSliceData &
  ResilienceSliceActions &
  LoadLabSliceData &
  LoadLabSliceActions &
  ContractsSliceData &
  ContractsSliceActions;

/**
 * The API plus what a host may add: `ready()` says why built-in kinds failed to load;
 * `openStream` sends what the UI shows by interest (else every event arrives whole).
 */
export type ConnectedApi = WorkbenchApi &
  ContractsCapableApi & {
    ready?(): Promise<void>;
    openStream?(listener: (batch: UiBatch) => void, interest: StreamInterest): Promise<UiStreamSubscription>;
    /**
     * Playback (used instead of `subscribe`): batches as the cursor moves; a `reset` batch (the
     * cursor moved back or jumped) starts the projection over from its snapshot and events.
     */
    subscribePlayback?(listener: (batch: PlaybackBatch) => void): Promise<() => void>;
  };

export interface WorkbenchStore extends StoreApi<WorkbenchState> {
  readonly api: ConnectedApi;
  /** Subscribe to the kernel, load kinds and the first snapshot. Returns its disposer. */
  connect(): () => void;
  /** Apply events now (tests; the live path batches them per frame). */
  ingest(events: readonly KernelEvent[]): void;
  /** Apply a stream batch now (tests). */
  ingestBatch(batch: UiBatch): void;
  /** Panels that show whole messages hold this while shown (see useMessageInterest). */
  readonly interest: InterestRegistry;
}

export interface WorkbenchStoreOptions {
  /**
   * Schedules a batch flush `delayMs` from now (0: as soon as possible); returns a cancel.
   * Default: after the delay, on the next animation frame (or 50 ms later if frames stall).
   */
  schedule?: (flush: () => void, delayMs: number) => () => void;
  /**
   * Least time between two publishes of kernel events to React (ms). A lone event shows
   * on the next frame; under load, events wait and are applied together, so counters,
   * rates and the log re-render a few times a second instead of once per batch.
   */
  publishMs?: number;
  /** How often the derived numbers are reconciled with a kernel snapshot (ms); 0 = never. */
  reconcileMs?: number;
  theme?: Theme;
}

const MAX_NOTICES = 4;
/** 5 publishes a second under load (the canvas samples its numbers on its own, at 2 Hz). */
export const PUBLISH_MS = 200;

function defaultSchedule(flush: () => void, delayMs: number): () => void {
  let done = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  // A hidden tab gets no frames; the timeout keeps the store current anyway.
  const onFrame = () => {
    frame = requestAnimationFrame(run);
    timer = setTimeout(run, 50);
  };
  // Under load (a publish waits): on the shared visual clock after the wait, so the new
  // numbers land in the frame the canvas's dashes and rates change in, not one of their own.
  let wait: ReturnType<typeof setTimeout> | undefined;
  let cancelTick: (() => void) | undefined;
  if (delayMs > 0) wait = setTimeout(() => (cancelTick = atNextVisualTick(onFrame)), Math.max(0, delayMs - VISUAL_TICK_MS));
  else onFrame();
  return () => {
    done = true;
    clearTimeout(wait);
    cancelTick?.();
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

export function initialData(theme: Theme = 'dark'): WorkbenchData {
  return {
    agents: {},
    agentOrder: [],
    links: {},
    positions: {},
    pending: {},
    rows: [],
    logVersion: 0,
    droppedRows: 0,
    rowById: new Map(),
    deadLetters: 0,
    messageSample: { shown: 0, total: 0 },
    kinds: [],
    selected: null,
    theme,
    dockTab: 'log',
    connection: { state: 'connecting' },
    notices: [],
    lastSeq: -1,
  };
}

type SetState = StoreApi<WorkbenchState>['setState'];
type GetState = StoreApi<WorkbenchState>['getState'];

/** The store's data and its plain actions (slices combined in one place). */
function createState(set: SetState, get: GetState, theme: Theme | undefined): WorkbenchState {
  let noticeId = 0;
  return {
    ...initialData(theme),
    ...createComposerSlice(set),
    ...createMessageViewSlice(set),
    ...createCanvasSlice(set),
    ...createResilienceSlice(set, get),
    ...createLoadLabSlice(set),
    ...createContractsSlice(set, (code, message) => get().notify(code, message)),
    setSelected: (selected) => {
      if (get().selected !== selected) set({ selected });
    },
    setTheme: (theme) => set({ theme }),
    setDockTab: (dockTab) => set({ dockTab }),
    setPositions: (moves) => set((s) => ({ positions: { ...s.positions, ...moves } })),
    reserve: (name, at) => set((s) => ({ pending: { ...s.pending, [name]: at } })),
    release: (name) =>
      set((s) => {
        if (!(name in s.pending)) return {};
        const pending = { ...s.pending };
        delete pending[name];
        return { pending };
      }),
    notify: (code, message) =>
      set((s) => {
        const notice: Notice = { id: ++noticeId, code, message };
        return { notices: [...s.notices, notice].slice(-MAX_NOTICES) };
      }),
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
}

// The canvas projection runs on the result of the main one (positions, links, selection).
function reduceAll(s: WorkbenchState, events: readonly KernelEvent[]): Partial<WorkbenchState> {
  const main = reduceEvents(s, events);
  const canvas = { ...main, ...reduceCanvasEvents({ ...s, ...main }, events, s.lastSeq) };
  return { ...canvas, ...reduceConfigureEvents({ ...s, ...canvas }, events, s.lastSeq), ...reduceResilienceEvents(s, events) };
}

// Tallies and late rows apply on top of what the batch's whole events made.
function reduceBatch(s: WorkbenchState, batch: UiBatch): Partial<WorkbenchState> {
  const whole = batch.events.length > 0 ? reduceAll(s, batch.events) : {};
  return { ...whole, ...reduceTally({ ...s, ...whole }, batch) };
}

interface EventPump {
  enqueue(batch: UiBatch): void;
  /** Apply what is buffered now (before a reconciliation compares with a snapshot). */
  flushNow(): void;
  clear(): void;
}

/** Batches as they came (no per-event copying), applied together at the next publish. */
function createEventPump(
  store: StoreApi<WorkbenchState>,
  schedule: NonNullable<WorkbenchStoreOptions['schedule']>,
  publishMs: number,
): EventPump {
  let buffer: UiBatch[] = [];
  let cancelFlush: (() => void) | null = null;
  let lastPublish = -Infinity;

  const flush = () => {
    cancelFlush = null;
    const batches = buffer;
    buffer = [];
    lastPublish = performance.now();
    if (batches.length === 0) return;
    const batch = mergeBatches(batches);
    store.setState((s) => reduceBatch(s, batch));
  };

  return {
    enqueue(batch) {
      buffer.push(batch);
      if (!cancelFlush) cancelFlush = schedule(flush, Math.max(0, lastPublish + publishMs - performance.now()));
    },
    flushNow() {
      if (!cancelFlush) return;
      cancelFlush();
      flush();
    },
    clear() {
      cancelFlush?.();
      cancelFlush = null;
      buffer = [];
    },
  };
}

/** What the events built starts over: from the batch's snapshot, then its events. */
function resetTo(s: WorkbenchState, batch: PlaybackBatch): Partial<WorkbenchState> {
  let next: WorkbenchState = { ...s, ...resetProjection(s) };
  if (batch.snapshot) next = { ...next, ...applySnapshot(next, batch.snapshot) };
  return { ...next, ...reduceBatch(next, { events: batch.events, ...(batch.tally ? { tally: batch.tally } : {}) }) };
}

/** Playback's batches, by interest when the API has a stream (the kernel worker), else every event. */
async function subscribeStore(
  store: StoreApi<WorkbenchState>,
  api: ConnectedApi,
  pump: EventPump,
  interest: InterestRegistry,
): Promise<() => void> {
  if (api.subscribePlayback)
    return api.subscribePlayback((batch) => {
      if (!batch.reset) return pump.enqueue({ events: batch.events, ...(batch.tally ? { tally: batch.tally } : {}) });
      pump.clear();
      store.setState((s) => resetTo(s, batch));
    });
  if (!api.openStream) return api.subscribe((events) => pump.enqueue({ events }));
  let subscription: UiStreamSubscription | null = null;
  const stop = interest.onChange((messages) => subscription?.setInterest({ messages }));
  subscription = await api.openStream((batch) => pump.enqueue(batch), { messages: interest.wanted() });
  // A panel may have opened or closed while the stream was opening.
  subscription.setInterest({ messages: interest.wanted() });
  const opened = subscription;
  return () => {
    stop();
    opened.close();
  };
}

/** Subscribe, load kinds and the first snapshot, then reconcile with snapshots every `reconcileMs`. */
function connectStore(
  store: StoreApi<WorkbenchState>,
  api: ConnectedApi,
  pump: EventPump,
  reconcileMs: number,
  interest: InterestRegistry,
): () => void {
  let disposed = false;
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let reconciling = false;

  const reconcile = async () => {
    const snapshot = await api.snapshot();
    // Flush first so the comparison sees everything that has arrived.
    pump.flushNow();
    if (snapshotFits(store.getState().lastSeq, snapshot)) store.setState((s) => applySnapshot(s, snapshot));
  };
  const tick = () => {
    if (reconciling || disposed) return;
    reconciling = true;
    // A missed reconciliation is harmless: the next tick retries.
    reconcile()
      .catch(() => undefined)
      .finally(() => {
        reconciling = false;
      });
  };

  const start = async () => {
    // Subscribe before the snapshot so nothing falls between them.
    const off = await subscribeStore(store, api, pump, interest);
    if (disposed) return off();
    unsubscribe = off;
    // Kinds failing to load is reported, but the workbench still opens (custom kinds can
    // still be registered).
    await api.ready?.().catch((error: unknown) => {
      if (!disposed) store.getState().notify('ORR405', APP_ERRORS.ORR405(errorText(error)));
    });
    const [kinds, snapshot] = await Promise.all([api.kinds(), api.snapshot()]);
    if (disposed) return;
    store.setState((s) => ({
      kinds,
      connection: { state: 'ready' },
      ...(snapshotFits(s.lastSeq, snapshot) ? applySnapshot(s, snapshot) : {}),
    }));
    if (reconcileMs > 0) timer = setInterval(tick, reconcileMs);
  };
  start().catch((error: unknown) => {
    if (disposed) return;
    const message = errorText(error);
    store.setState({ connection: { state: 'error', message } });
    store.getState().notify('ORR401', APP_ERRORS.ORR401(message));
  });

  return () => {
    disposed = true;
    unsubscribe?.();
    if (timer) clearInterval(timer);
    pump.clear();
  };
}

export function createWorkbenchStore(api: ConnectedApi, options: WorkbenchStoreOptions = {}): WorkbenchStore {
  const store = createStore<WorkbenchState>()((set, get) => createState(set, get, options.theme));
  const pump = createEventPump(store, options.schedule ?? defaultSchedule, options.publishMs ?? PUBLISH_MS);
  const reconcileMs = options.reconcileMs ?? 1000;
  const interest = createInterest();
  return Object.assign(store, {
    api,
    interest,
    connect: () => {
      const disconnect = connectStore(store, api, pump, reconcileMs, interest);
      const disconnectContracts = connectContracts(store, api);
      return () => {
        disconnectContracts();
        disconnect();
      };
    },
    ingest: (events: readonly KernelEvent[]) => store.setState((s) => reduceAll(s, events)),
    ingestBatch: (batch: UiBatch) => store.setState((s) => reduceBatch(s, batch)),
  });
}
