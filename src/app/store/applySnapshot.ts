/** Adopting the kernel's snapshot (the read model) into the UI's projection of events. */
import type { AgentView, KernelSnapshot } from '../../kernel/types';
import type { CanvasData, PlainNode } from '../panels/canvas/canvasSlice';
import { addAgent, Draft, placeNode, type Projected } from './reduceEvents';
import type { AgentState } from './types';

function fromView(view: AgentView): AgentState {
  return {
    name: view.name,
    kind: view.kind,
    status: view.status,
    instance: view.instance,
    restarts: view.restarts,
    mailboxDepth: view.mailboxDepth,
    counters: { ...view.counters },
    config: view.config,
    settings: { limits: view.limits, restart: view.restart, redelivery: view.redelivery, isolated: view.isolated },
  };
}

/**
 * Whether an agent's state already says what its snapshot view says: then it keeps its
 * object (a reconciliation every second must not re-render 10,000 unchanged nodes).
 */
function agreesWith(a: AgentState, v: AgentView): boolean {
  const c = a.counters;
  const settings = { limits: v.limits, restart: v.restart, redelivery: v.redelivery, isolated: v.isolated };
  return (
    a.kind === v.kind &&
    a.status === v.status &&
    a.instance === v.instance &&
    a.restarts === v.restarts &&
    a.mailboxDepth === v.mailboxDepth &&
    c.sent === v.counters.sent &&
    c.delivered === v.counters.delivered &&
    c.failed === v.counters.failed &&
    JSON.stringify(a.config) === JSON.stringify(v.config) &&
    JSON.stringify(a.settings) === JSON.stringify(settings)
  );
}

type PlainNodes = Pick<CanvasData, 'plainNodes' | 'plainOrder'>;
/** What adopting a snapshot reads: the projection, and the topics and clients when the state has them. */
export type SnapshotInput = Projected & Partial<PlainNodes>;

/**
 * Topics and clients as the snapshot has them. The canvas slice adds them on `node.added`,
 * but a reset (a recording that began after they were made, a seek back past playback's
 * window) has no such event: the snapshot is all there is.
 */
function adoptPlainNodes(d: Draft, state: SnapshotInput, snapshot: KernelSnapshot): Partial<PlainNodes> {
  const before = state.plainNodes ?? {};
  const wanted: PlainNode[] = [
    ...snapshot.topics.map((name) => ({ name, kind: 'topic' as const })),
    ...snapshot.clients.map((name) => ({ name, kind: 'client' as const })),
  ];
  const names = new Set(wanted.map((n) => n.name));
  const gone = Object.keys(before).filter((name) => !names.has(name));
  const added = wanted.filter((n) => before[n.name]?.kind !== n.kind);
  if (gone.length === 0 && added.length === 0) return {};
  for (const name of gone) d.removeNode(name);
  const plainNodes = { ...before };
  for (const name of gone) delete plainNodes[name];
  for (const node of added) {
    plainNodes[node.name] = node;
    placeNode(d, node.name);
  }
  const kept = (state.plainOrder ?? []).filter((name) => names.has(name));
  const order = new Set(kept);
  return { plainNodes, plainOrder: [...kept, ...added.map((n) => n.name).filter((name) => !order.has(name))] };
}

/**
 * Adopt the kernel's read model. Call it only when the snapshot and the applied events
 * describe the same point (`snapshot.seq - 1 === lastSeq`), or before any event was
 * applied: then the snapshot is the truth, including the numbers the event projection
 * only approximates (mailbox depth, counters), and the topics and clients.
 */
export function applySnapshot(state: SnapshotInput, snapshot: KernelSnapshot): Partial<Projected & PlainNodes> {
  const d = new Draft(state);
  const seen = new Set<string>();
  for (const view of snapshot.agents) {
    seen.add(view.name);
    if (!d.agents[view.name]) addAgent(d, fromView(view));
    else if (!agreesWith(d.agents[view.name]!, view)) d.patchAgent(view.name, (a) => ({ ...fromView(view), reason: a.reason }));
  }
  for (const name of Object.keys(d.agents)) if (!seen.has(name)) d.removeNode(name);
  const plain = adoptPlainNodes(d, state, snapshot);
  const linkIds = new Set(snapshot.links.map((l) => l.id));
  for (const link of snapshot.links) {
    if (!d.links[link.id]) {
      d.mutLinks()[link.id] = { id: link.id, a: link.a, b: link.b, pulse: 0, messages: link.counters.delivered };
    }
  }
  for (const id of Object.keys(d.links)) if (!linkIds.has(id)) delete d.mutLinks()[id];
  return { ...d.result(), ...plain, lastSeq: Math.max(state.lastSeq, snapshot.seq - 1) };
}

/** Whether a snapshot can be adopted without contradicting applied events. */
export function snapshotFits(lastSeq: number, snapshot: KernelSnapshot): boolean {
  return lastSeq === -1 || snapshot.seq - 1 === lastSeq;
}
