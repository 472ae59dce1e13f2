/**
 * The canvas slice: topics, clients and supervision groups as nodes, traffic per link
 * direction, what the inspector keeps per agent (status history, restarts, logs), the
 * canvas selection, undo history, panel sizes and live rates. Its event projection runs
 * after `reduceEvents` on the same batch (see `createWorkbenchStore`).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { RestartStrategy } from '../../../kernel/resilienceTypes';
import type { AgentStatus, KernelEvent, LogLevel } from '../../../kernel/types';
import { emptyHistory, type HistoryState } from '../../store/history';
import { initialPanelSizes, type PanelId, type PanelSizes } from '../../store/panelLayout';
import type { Rates } from '../../store/rates';
import type { LogRow, XY } from '../../store/types';
import { freePosition } from '../../store/layout';

export type PlainNodeKind = 'topic' | 'client';

export interface PlainNode {
  name: string;
  kind: PlainNodeKind;
}

export interface GroupState {
  name: string;
  strategy: RestartStrategy;
  intensity: number;
  periodMs: number;
  parent?: string;
  escalated?: string;
}

export interface StatusEntry {
  t: number;
  status: AgentStatus;
  reason?: string;
}

export interface RestartEntry {
  t: number;
  what: 'crashed' | 'restarted' | 'backoff' | 'escalated';
  text: string;
}

export interface LogLine {
  seq: number;
  t: number;
  level: LogLevel;
  text: string;
}

/** What the inspector shows of one agent's past, bounded. */
export interface AgentInsight {
  statuses: StatusEntry[];
  restarts: RestartEntry[];
  logs: LogLine[];
}

/** Messages delivered over a link, per direction (`ab`: towards `b`), and their latency. */
export interface LinkFlow {
  ab: number;
  ba: number;
  /** Deliveries whose send time was known (delivered time − sent time, from the event log). */
  timed: number;
  latencySumMs: number;
  latencyMaxMs: number;
  latencyLastMs: number;
}

export interface CanvasData {
  plainNodes: Record<string, PlainNode>;
  /** Creation order of topics and clients. */
  plainOrder: string[];
  groups: Record<string, GroupState>;
  /** Agent → its supervision group. */
  membership: Record<string, string>;
  flows: Record<string, LinkFlow>;
  insight: Record<string, AgentInsight>;
  /** Nodes selected on the canvas (the inspector follows `selected`, the primary one). */
  selectedNodes: string[];
  selectedLink: string | null;
  history: HistoryState;
  /**
   * What the canvas shows of traffic, sampled a few times a second (not per event batch,
   * so that nodes and links re-render at that pace under any load). msgs/s: `nodes` by
   * name (delivered to it), `links` by `<id>>` (a→b) and `<id><` (b→a); `mailbox`: each
   * agent's mailbox depth when sampled.
   */
  rates: { nodes: Rates; links: Rates; mailbox: Record<string, number> };
  search: string;
  panels: PanelSizes;
  dialog: 'shortcuts' | null;
  /**
   * The saved workspace drawn while the workers start (cleared once it is restored): nodes
   * not yet deployed show as "starting" placeholders, so a reload never shows a blank canvas.
   */
  preview: WorkspacePreview | null;
  /** The dock fills the screen (a lab at full width). */
  dockMaximised: boolean;
  /** The node whose "Link to…" picker is open (keyboard linking), if any. */
  linkPicker: string | null;
  /** A success worth telling (e.g. a component was added): shown as a status, not an alert. */
  canvasNote: { id: number; text: string } | null;
}

export interface PreviewNode {
  name: string;
  type: 'agent' | 'topic' | 'client';
  /** Agent kind, as saved. */
  kind?: string;
  position: XY;
}

export interface WorkspacePreview {
  nodes: PreviewNode[];
  links: { a: string; b: string }[];
}

export type CanvasUi = Pick<CanvasData, 'selectedNodes' | 'selectedLink' | 'search' | 'membership' | 'dialog'>;

export const STATUS_HISTORY = 40;
export const RESTART_HISTORY = 40;
export const LOG_LINES = 200;

export function initialCanvas(): CanvasData {
  return {
    plainNodes: {},
    plainOrder: [],
    groups: {},
    membership: {},
    flows: {},
    insight: {},
    selectedNodes: [],
    selectedLink: null,
    history: emptyHistory(),
    rates: { nodes: {}, links: {}, mailbox: {} },
    search: '',
    panels: initialPanelSizes(),
    dialog: null,
    preview: null,
    dockMaximised: false,
    linkPicker: null,
    canvasNote: null,
  };
}

export interface CanvasSliceActions {
  /** The canvas selection: nodes (the first becomes the inspector's), or one link. */
  selectCanvas(nodes: string[], link: string | null): void;
  setSearch(search: string): void;
  setPanelSize(panel: PanelId, size: number): void;
  setRates(rates: CanvasData['rates']): void;
  closeDialog(): void;
  setPreview(preview: WorkspacePreview | null): void;
  setDockMaximised(maximised: boolean): void;
  openLinkPicker(from: string | null): void;
  /** Tell `text` as a status (null clears it). */
  note(text: string | null): void;
}

export function createCanvasSlice(set: StoreApi<CanvasData & { selected: string | null }>['setState']): CanvasData & CanvasSliceActions {
  return {
    ...initialCanvas(),
    selectCanvas: (nodes, link) =>
      set((s) => {
        const same = s.selectedLink === link && s.selectedNodes.length === nodes.length && s.selectedNodes.every((n, i) => n === nodes[i]);
        if (same) return {};
        const selected = nodes.length > 0 ? (nodes.includes(s.selected ?? '') ? s.selected : nodes[0]!) : null;
        return { selectedNodes: nodes, selectedLink: link, selected };
      }),
    setSearch: (search) => set({ search }),
    setPanelSize: (panel, size) => set((s) => ({ panels: { ...s.panels, [panel]: size } })),
    setRates: (rates) => set({ rates }),
    closeDialog: () => set({ dialog: null }),
    setPreview: (preview) => set({ preview }),
    setDockMaximised: (dockMaximised) => set({ dockMaximised }),
    openLinkPicker: (linkPicker) => set({ linkPicker }),
    note: (text) => set((s) => ({ canvasNote: text === null ? null : { id: (s.canvasNote?.id ?? 0) + 1, text } })),
  };
}

/** What the projection reads besides its own data. */
export interface CanvasInput extends CanvasData {
  positions: Record<string, XY>;
  pending: Record<string, XY | null>;
  links: Record<string, { id: string; a: string; b: string }>;
  selected: string | null;
  rows: LogRow[];
  rowById: Map<string, number>;
  droppedRows: number;
}

export type CanvasOutput = Partial<Pick<CanvasInput, keyof CanvasData | 'positions' | 'pending' | 'selected'>>;

const NO_FLOW: LinkFlow = { ab: 0, ba: 0, timed: 0, latencySumMs: 0, latencyMaxMs: 0, latencyLastMs: 0 };

/** When a message was sent, from its log row (rows may have been dropped: then unknown). */
function sentTime(state: CanvasInput, messageId: string): number | undefined {
  const abs = state.rowById.get(messageId);
  if (abs === undefined) return undefined;
  const row = state.rows[abs - state.droppedRows];
  return row && row.key === messageId ? row.t : undefined;
}

const emptyInsight = (): AgentInsight => ({ statuses: [], restarts: [], logs: [] });

function push<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}

/** A batch's working copy: copy-on-write per collection, at most once per batch. */
function canvasDraft(state: CanvasInput) {
  const out: CanvasOutput = {};
  const touched = new Set<string>();
  const cow = <K extends 'plainNodes' | 'groups' | 'membership' | 'flows' | 'insight' | 'positions' | 'pending'>(
    key: K,
  ): CanvasInput[K] => {
    if (!touched.has(key)) {
      touched.add(key);
      (out as Record<string, unknown>)[key] = { ...state[key] };
    }
    return out[key] as CanvasInput[K];
  };
  const current = <K extends keyof CanvasInput>(key: K): CanvasInput[K] => (key in out ? (out as CanvasInput)[key] : state[key]);
  const insightCopied = new Set<string>();
  const flowCopied = new Set<string>();
  const insightOf = (agent: string): AgentInsight => {
    const all = cow('insight');
    if (!insightCopied.has(agent)) {
      insightCopied.add(agent);
      const old = all[agent] ?? emptyInsight();
      all[agent] = { statuses: [...old.statuses], restarts: [...old.restarts], logs: [...old.logs] };
    }
    return all[agent]!;
  };
  return { state, out, cow, current, insightOf, insightCopied, flowCopied };
}

type Draft = ReturnType<typeof canvasDraft>;

/** Put a new node where it was asked for (reserved), else at a free spot. */
function place(d: Draft, name: string, fallback: boolean): void {
  const positions = d.current('positions');
  if (!positions[name]) {
    const wanted = d.current('pending')[name];
    if (wanted) d.cow('positions')[name] = wanted;
    else if (fallback) d.cow('positions')[name] = freePosition(Object.values(positions));
  }
  if (name in d.current('pending')) delete d.cow('pending')[name];
}

function removeNode(d: Draft, name: string): void {
  const { current, cow, out } = d;
  if (current('plainNodes')[name]) {
    delete cow('plainNodes')[name];
    out.plainOrder = current('plainOrder').filter((n) => n !== name);
  }
  if (current('groups')[name]) delete cow('groups')[name];
  if (current('membership')[name]) delete cow('membership')[name];
  if (current('positions')[name]) delete cow('positions')[name];
  if (current('selectedNodes').includes(name)) out.selectedNodes = current('selectedNodes').filter((n) => n !== name);
  if (current('selected') === name) out.selected = null;
  const link = current('selectedLink');
  const l = link ? d.state.links[link] : undefined;
  if (l && (l.a === name || l.b === name)) out.selectedLink = null;
}

function countDelivery(d: Draft, event: Extract<KernelEvent, { type: 'message.delivered' }>): void {
  if (!event.link) return;
  const link = d.state.links[event.link];
  if (!link) return;
  const flows = d.cow('flows');
  // One copy per link per batch, then counted in place.
  let f = flows[event.link];
  if (!f || !d.flowCopied.has(event.link)) {
    f = flows[event.link] = { ...(f ?? NO_FLOW) };
    d.flowCopied.add(event.link);
  }
  // A fan-out through a topic is delivered "to" the topic: that is towards it too.
  if (event.to === link.b || event.to === `topic:${link.b}`) f.ab++;
  else f.ba++;
  const sentAt = sentTime(d.state, event.messageId);
  if (sentAt !== undefined) {
    const latency = Math.max(0, event.t - sentAt);
    f.timed++;
    f.latencySumMs += latency;
    if (latency > f.latencyMaxMs) f.latencyMaxMs = latency;
    f.latencyLastMs = latency;
  }
}

/** Nodes, groups, links and traffic. False when the event is not one of these. */
function reduceGraphEvent(d: Draft, event: KernelEvent): boolean {
  switch (event.type) {
    case 'node.added':
      d.cow('plainNodes')[event.node] = { name: event.node, kind: event.kind };
      if (!d.current('plainOrder').includes(event.node)) d.out.plainOrder = [...d.current('plainOrder'), event.node];
      place(d, event.node, true);
      return true;
    case 'node.removed':
      removeNode(d, event.node);
      return true;
    case 'link.removed':
      d.flowCopied.delete(event.link.id);
      if (d.current('flows')[event.link.id]) delete d.cow('flows')[event.link.id];
      if (d.current('selectedLink') === event.link.id) d.out.selectedLink = null;
      return true;
    case 'message.delivered':
      countDelivery(d, event);
      return true;
    case 'group.created': {
      const spec = event.spec;
      d.cow('groups')[spec.name] = {
        name: spec.name,
        strategy: spec.strategy,
        intensity: spec.intensity,
        periodMs: spec.periodMs,
        ...(spec.parent ? { parent: spec.parent } : {}),
      };
      place(d, spec.name, false);
      return true;
    }
    default:
      return false;
  }
}

/** What the inspector keeps per agent: status history, restarts, logs. */
function reduceInsightEvent(d: Draft, event: KernelEvent): void {
  const restart = (agent: string, what: RestartEntry['what'], text: string) =>
    push(d.insightOf(agent).restarts, { t: event.t, what, text }, RESTART_HISTORY);
  switch (event.type) {
    case 'agent.deployed': {
      const group = (event as { group?: unknown }).group;
      if (typeof group === 'string') d.cow('membership')[event.agent] = group;
      if (d.current('insight')[event.agent]) delete d.cow('insight')[event.agent];
      d.insightCopied.delete(event.agent); // a re-deploy in the same batch as its removal starts afresh
      d.insightOf(event.agent).statuses.push({ t: event.t, status: 'loading' });
      break;
    }
    case 'group.escalated': {
      const g = d.current('groups')[event.group];
      if (g) d.cow('groups')[event.group] = { ...g, escalated: event.reason };
      for (const [agent, group] of Object.entries(d.current('membership')))
        if (group === event.group) restart(agent, 'escalated', event.reason);
      break;
    }
    case 'agent.status':
      push(
        d.insightOf(event.agent).statuses,
        { t: event.t, status: event.status, ...(event.reason ? { reason: event.reason } : {}) },
        STATUS_HISTORY,
      );
      break;
    case 'agent.crashed':
      restart(event.agent, 'crashed', event.reason);
      break;
    case 'agent.restarted':
      restart(event.agent, 'restarted', `instance ${event.instance}`);
      break;
    case 'agent.backoff':
      restart(event.agent, 'backoff', `attempt ${event.attempt}, waiting ${event.delayMs} ms`);
      break;
    case 'log':
      if (d.current('insight')[event.agent] || d.state.positions[event.agent]) {
        push(d.insightOf(event.agent).logs, { seq: event.seq, t: event.t, level: event.level, text: event.text }, LOG_LINES);
      }
      break;
    default:
      break;
  }
}

/**
 * Project a batch onto the canvas slice. `afterSeq` is the last seq applied before the
 * batch (events at or below it were seen already).
 */
export function reduceCanvasEvents(state: CanvasInput, events: readonly KernelEvent[], afterSeq: number): CanvasOutput {
  const d = canvasDraft(state);
  for (const event of events) {
    if (event.seq <= afterSeq) continue;
    if (!reduceGraphEvent(d, event)) reduceInsightEvent(d, event);
  }
  return d.out;
}
