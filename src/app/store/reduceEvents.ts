/**
 * The pure projection of kernel events onto what the UI shows. No I/O, no clocks: the
 * store factory batches events and calls this once per batch.
 */
import type { KernelEvent } from '../../kernel/types';
import type { AclMessage, JsonValue } from '../../protocol/message';
import { createFreeCells, type FreeCells } from './layout';
import type { AgentState, GraphSlice, LinkState, LogOutcome, LogRow, LogSlice, UiSlice } from './types';

/** Enough history to scroll back through; older rows are dropped in chunks. */
export const MAX_LOG_ROWS = 100_000;
const DROP_CHUNK = 5_000;
const CONTENT_CHARS = 240;

export type Projected = GraphSlice & LogSlice & Pick<UiSlice, 'lastSeq' | 'selected'>;

export function compactJson(value: JsonValue | undefined, max = CONTENT_CHARS): string {
  let text: string;
  try {
    text = value === undefined ? '' : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function receiverText(message: AclMessage): string {
  return Array.isArray(message.receiver) ? message.receiver.join(', ') : String(message.receiver);
}

/** The log row of a sent message. */
export function sentRow(event: Extract<KernelEvent, { type: 'message.sent' }>): LogRow {
  const m = event.message;
  return {
    key: m.id,
    seq: event.seq,
    t: m.sent_at ?? event.t,
    performative: m.performative,
    sender: m.sender,
    receiver: receiverText(m),
    content: compactJson(m.content),
    outcome: 'sent',
    message: m,
  };
}

function emptyCounters() {
  return { sent: 0, delivered: 0, failed: 0 };
}

/**
 * Copy-on-write helpers: each batch clones a collection, an agent or a link at most once,
 * then mutates the clone. Under load a batch holds thousands of events for a few hundred
 * agents: cloning per event was most of the reducer's allocations.
 */
export class Draft {
  agents: Record<string, AgentState>;
  links: Record<string, LinkState>;
  positions: Record<string, GraphSlice['positions'][string]>;
  pending: GraphSlice['pending'];
  agentOrder: string[];
  rows: LogRow[];
  rowById: Map<string, number>;
  droppedRows: number;
  logVersion: number;
  deadLetters: number;
  selected: string | null;
  private cloned = new Set<string>();
  private cells: FreeCells | null = null;
  /** Agents and links already cloned in this batch (their clones may be mutated). */
  private ownAgents = new Set<string>();
  private ownLinks = new Set<string>();

  constructor(private readonly base: Projected) {
    this.agents = base.agents;
    this.links = base.links;
    this.positions = base.positions;
    this.pending = base.pending;
    this.agentOrder = base.agentOrder;
    this.rows = base.rows;
    this.rowById = base.rowById;
    this.droppedRows = base.droppedRows;
    this.logVersion = base.logVersion;
    this.deadLetters = base.deadLetters;
    this.selected = base.selected;
  }

  private once(key: string): boolean {
    if (this.cloned.has(key)) return false;
    this.cloned.add(key);
    return true;
  }

  mutAgents(): Record<string, AgentState> {
    if (this.once('agents')) this.agents = { ...this.agents };
    return this.agents;
  }
  mutLinks(): Record<string, LinkState> {
    if (this.once('links')) this.links = { ...this.links };
    return this.links;
  }
  mutPositions(): GraphSlice['positions'] {
    if (this.once('positions')) this.positions = { ...this.positions };
    return this.positions;
  }
  /** Where the next node without a wanted position goes (one index per batch, see layout.ts). */
  freeCells(): FreeCells {
    return (this.cells ??= createFreeCells(Object.values(this.positions)));
  }
  mutPending(): GraphSlice['pending'] {
    if (this.once('pending')) this.pending = { ...this.pending };
    return this.pending;
  }
  /**
   * The id index is one Map shared by every state and mutated in place: cloning 100k keys
   * per batch cost ~170 ms. It is safe because lookups check the row's key (see patchRow).
   */
  mutRowById(): Map<string, number> {
    return this.rowById;
  }
  private ordered: Set<string> | null = null;
  /** Whether `name` is in the deployment order (a set per batch: 10,000 deploys were O(n²)). */
  inOrder(name: string): boolean {
    this.ordered ??= new Set(this.agentOrder);
    return this.ordered.has(name);
  }
  pushOrder(name: string): void {
    this.mutOrder().push(name);
    this.ordered?.add(name);
  }
  mutOrder(): string[] {
    if (!this.cloned.has('agentOrder')) {
      this.cloned.add('agentOrder');
      this.agentOrder = [...this.agentOrder];
    }
    return this.agentOrder;
  }
  /**
   * The log is append-only and shared like the id index: rows are pushed, patched (a new
   * row object in the same slot, so memoised row views re-render) and trimmed in place,
   * and `logVersion` says that it changed. Copying 100k rows per batch was O(log), not
   * O(batch).
   */
  mutRows(): LogRow[] {
    if (!this.cloned.has('rows')) {
      this.cloned.add('rows');
      this.logVersion++;
    }
    return this.rows;
  }

  /** Replace one agent's state with a patch (no-op if unknown). */
  patchAgent(name: string, patch: (a: AgentState) => Partial<AgentState>): void {
    const current = this.agents[name];
    if (!current) return;
    this.mutAgents()[name] = { ...current, ...patch(current) };
    this.ownAgents.delete(name);
  }

  /** This batch's own copy of an agent (counters included), to mutate; undefined if unknown. */
  agent(name: string): AgentState | undefined {
    const current = this.agents[name];
    if (!current || this.ownAgents.has(name)) return current;
    const copy = { ...current, counters: { ...current.counters } };
    this.mutAgents()[name] = copy;
    this.ownAgents.add(name);
    return copy;
  }

  /** This batch's own copy of a link, to mutate; undefined if unknown. */
  link(id: string): LinkState | undefined {
    const current = this.links[id];
    if (!current || this.ownLinks.has(id)) return current;
    const copy = { ...current };
    this.mutLinks()[id] = copy;
    this.ownLinks.add(id);
    return copy;
  }

  patchRow(messageId: string, outcome: LogOutcome, reason?: string): void {
    const abs = this.rowById.get(messageId);
    if (abs === undefined) return;
    const index = abs - this.droppedRows;
    const row = this.rows[index];
    if (!row || row.key !== messageId) return;
    // A failure is final; a later delivery to another receiver does not hide it.
    if (row.outcome === 'failed' || row.outcome === 'dead-lettered') return;
    this.mutRows()[index] = { ...row, outcome, ...(reason !== undefined ? { reason } : {}) };
  }

  pushRow(row: LogRow): void {
    const rows = this.mutRows();
    this.mutRowById().set(row.key, this.droppedRows + rows.length);
    rows.push(row);
  }

  trimRows(): void {
    if (this.rows.length <= MAX_LOG_ROWS) return;
    const drop = Math.max(DROP_CHUNK, this.rows.length - MAX_LOG_ROWS);
    const removed = this.mutRows().splice(0, drop);
    const byId = this.mutRowById();
    for (const row of removed) byId.delete(row.key);
    this.droppedRows += drop;
  }

  removeNode(name: string): void {
    this.ownAgents.delete(name);
    if (this.agents[name]) delete this.mutAgents()[name];
    if (this.positions[name]) delete this.mutPositions()[name];
    if (this.agentOrder.includes(name)) {
      this.agentOrder = this.agentOrder.filter((n) => n !== name);
      this.cloned.add('agentOrder');
      this.ordered?.delete(name);
    }
    for (const [id, link] of Object.entries(this.links)) {
      if (link.a === name || link.b === name) delete this.mutLinks()[id];
    }
    if (this.selected === name) this.selected = null;
  }

  result(): Partial<Projected> {
    const out: Partial<Projected> = {};
    if (this.agents !== this.base.agents) out.agents = this.agents;
    if (this.links !== this.base.links) out.links = this.links;
    if (this.positions !== this.base.positions) out.positions = this.positions;
    if (this.pending !== this.base.pending) out.pending = this.pending;
    if (this.agentOrder !== this.base.agentOrder) out.agentOrder = this.agentOrder;
    if (this.logVersion !== this.base.logVersion) out.logVersion = this.logVersion;
    if (this.droppedRows !== this.base.droppedRows) out.droppedRows = this.droppedRows;
    if (this.deadLetters !== this.base.deadLetters) out.deadLetters = this.deadLetters;
    if (this.selected !== this.base.selected) out.selected = this.selected;
    return out;
  }
}

/** Put a node without a position where it was asked for (reserved), else at a free cell. */
export function placeNode(d: Draft, name: string): void {
  if (!d.positions[name]) {
    const wanted = d.pending[name];
    const cells = d.freeCells();
    if (wanted) cells.take(wanted);
    d.mutPositions()[name] = wanted ?? cells.next();
  }
  if (name in d.pending) delete d.mutPending()[name];
}

export function addAgent(d: Draft, state: AgentState): void {
  d.mutAgents()[state.name] = state;
  if (!d.inOrder(state.name)) d.pushOrder(state.name);
  placeNode(d, state.name);
}

/** Apply a batch of events. Events at or below `lastSeq` were already applied and are skipped. */
export function reduceEvents(state: Projected, events: readonly KernelEvent[]): Partial<Projected> {
  const d = new Draft(state);
  let lastSeq = state.lastSeq;
  for (const event of events) {
    if (event.seq <= lastSeq) continue;
    lastSeq = event.seq;
    if (!applyMessageEvent(d, event)) applyGraphEvent(d, event);
  }
  d.trimRows();
  return { ...d.result(), lastSeq };
}

/** Agents, nodes and links. */
function applyGraphEvent(d: Draft, event: KernelEvent): void {
  switch (event.type) {
    case 'agent.deployed':
      addAgent(d, {
        name: event.agent,
        kind: event.kind,
        status: 'loading',
        instance: 0,
        restarts: 0,
        mailboxDepth: 0,
        counters: emptyCounters(),
        config: event.config,
      });
      break;
    case 'agent.status':
      d.patchAgent(event.agent, (a) => ({
        status: event.status,
        reason: event.reason,
        mailboxDepth: event.status === 'stopped' ? 0 : a.mailboxDepth,
      }));
      break;
    case 'agent.crashed':
      d.patchAgent(event.agent, () => ({ reason: event.reason }));
      break;
    case 'agent.restarted':
      d.patchAgent(event.agent, (a) => ({ instance: event.instance, restarts: a.restarts + 1 }));
      break;
    case 'agent.configured':
      d.patchAgent(event.agent, () => ({
        settings: { limits: event.limits, restart: event.restart, redelivery: event.redelivery, isolated: event.isolated },
      }));
      break;
    case 'node.removed':
      d.removeNode(event.node);
      break;
    case 'link.added':
      d.mutLinks()[event.link.id] = { ...event.link, pulse: 0, messages: 0 };
      break;
    case 'link.removed':
      if (d.links[event.link.id]) delete d.mutLinks()[event.link.id];
      break;
    default:
      // node.added (topics and clients live in the canvas slice), kv.set, log, ...: nothing here.
      break;
  }
}

/** The message log and the per-agent and per-link counters. False: not a message event. */
function applyMessageEvent(d: Draft, event: KernelEvent): boolean {
  switch (event.type) {
    case 'message.sent': {
      const m = event.message;
      const sender = d.agent(m.sender);
      if (sender) sender.counters.sent++;
      d.pushRow(sentRow(event));
      return true;
    }
    case 'message.delivered': {
      const to = d.agent(event.to);
      if (to) {
        to.mailboxDepth++;
        to.counters.delivered++;
      }
      const link = event.link === undefined ? undefined : d.link(event.link);
      if (link) {
        link.pulse++;
        link.messages++;
      }
      d.patchRow(event.messageId, 'delivered');
      return true;
    }
    case 'message.handled': {
      const a = d.agent(event.agent);
      if (a && a.mailboxDepth > 0) a.mailboxDepth--;
      return true;
    }
    case 'message.failed': {
      const to = d.agent(event.to);
      if (to) to.counters.failed++;
      d.patchRow(event.messageId, 'failed', detailed(event.reason, event.detail));
      return true;
    }
    case 'message.dead-lettered':
      d.deadLetters++;
      d.patchRow(event.message.id, 'dead-lettered', detailed(event.reason, event.detail));
      return true;
    case 'message.invalid':
      d.pushRow({
        key: `invalid-${event.seq}`,
        seq: event.seq,
        t: event.t,
        performative: '(invalid)',
        sender: event.from,
        receiver: '',
        content: '',
        outcome: 'invalid',
        reason: event.error,
      });
      return true;
    default:
      return false;
  }
}

function detailed(reason: string, detail: string | undefined): string {
  return detail ? `${reason}: ${detail}` : reason;
}
