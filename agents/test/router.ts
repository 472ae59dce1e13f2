// A tiny in-test kernel for the pattern scenarios: real agent components (through jco's
// glue, see harness.ts), the routing rules of src/kernel/router.ts (links, `*`, topics,
// lists, the console `you` reaching everyone and answerable by anyone), one FIFO queue, and
// agent timers on a virtual clock: when the queue is empty the clock jumps to the next timer
// and its wake-up (inform, ontology orrery-timer, from the agent to itself) is delivered.
// Not the real kernel (no limits, chaos or supervision): enough to run a protocol end to end.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeHost, loadAgent, type Agent } from './harness';

export const PATTERNS_DIR = join(dirname(dirname(fileURLToPath(import.meta.url))), 'patterns');

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Envelope = { [key: string]: Json } & { performative: string; sender: string; receiver: string | string[]; id: string };

export type ScenarioNode =
  { type: 'agent'; name: string; kind: string; config?: Json } | { type: 'topic'; name: string } | { type: 'client'; name: string };

export interface Scenario {
  id: string;
  title: string;
  description: string;
  nodes: ScenarioNode[];
  links: [string, string][];
  run: { from?: string; message: { [key: string]: Json } }[];
  expect: { from: string; performative: string; content: Json };
}

export function loadScenario(id: string): Scenario {
  return JSON.parse(readFileSync(join(PATTERNS_DIR, `${id}.json`), 'utf8')) as Scenario;
}

export function scenarioIds(): string[] {
  return readdirSync(PATTERNS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

const CONSOLE = 'you';
const KERNEL = 'kernel';

export class Network {
  agents = new Map<string, Agent>();
  clients = new Set<string>();
  topics = new Set<string>();
  peers = new Map<string, Set<string>>();
  /** Every message accepted for routing, in order. */
  sent: Envelope[] = [];
  /** What reached `you` or a client node. */
  outside: { to: string; message: Envelope }[] = [];
  /** Routing failures and handle errors: a healthy run has none. */
  problems: string[] = [];
  /** The virtual clock (ms): moves only to the next timer, when nothing else is queued. */
  now = 0;
  /** Messages that never reach their agent (a silent participant): dropped here. */
  drop: (to: string, message: Envelope) => boolean = () => false;
  dropped: { to: string; message: Envelope }[] = [];
  /** Timer wake-ups delivered, in order. */
  wakeups: { at: number; agent: string; tag: string }[] = [];
  private timers: { at: number; order: number; agent: string; tag: string }[] = [];
  private timerOrder = 0;
  private queue: { to: string; message: Envelope }[] = [];
  private ids = 0;

  static async start(s: Scenario, configs: Record<string, Json> = {}): Promise<Network> {
    const net = new Network();
    for (const node of s.nodes) {
      net.peers.set(node.name, new Set());
      if (node.type === 'topic') net.topics.add(node.name);
      else if (node.type === 'client') net.clients.add(node.name);
    }
    // Fresh instances (and kv) per run; agents of a kind share the compiled modules.
    await Promise.all(
      s.nodes.map(async (node) => {
        if (node.type !== 'agent') return;
        const config = node.name in configs ? configs[node.name] : (node.config ?? null);
        net.agents.set(node.name, await loadAgent(node.kind, JSON.stringify(config), new FakeHost()));
      }),
    );
    for (const [a, b] of s.links) {
      if (!net.peers.has(a) || !net.peers.has(b)) throw new Error(`${s.id}: link ${a}–${b} names an unknown node`);
      net.peers.get(a)!.add(b);
      net.peers.get(b)!.add(a);
    }
    return net;
  }

  /** Plays the scenario's run messages (each from its client, or the console), then runs to quiescence. */
  play(s: Scenario): this {
    for (const step of s.run) this.send(step.message, step.from ?? CONSOLE);
    return this.settle();
  }

  send(draft: { [key: string]: Json }, sender: string): void {
    const message = { ...draft, sender, id: `m${++this.ids}`, sent_at: this.now } as unknown as Envelope;
    if (message.content === undefined) message.content = null;
    this.sent.push(message);
    const fromNode = sender === CONSOLE || sender === KERNEL ? undefined : sender;
    const r = message.receiver;
    if (Array.isArray(r)) for (const name of new Set(r)) this.routeTo(message, fromNode, name);
    else if (r === '*') {
      const targets = fromNode === undefined ? [...this.agents.keys()] : [...this.peers.get(fromNode)!].filter((n) => !this.topics.has(n));
      for (const name of targets) this.arrive(message, name);
    } else if (r.startsWith('topic:')) {
      const topic = r.slice('topic:'.length);
      if (!this.topics.has(topic)) return this.fail(message, r, 'unknown-receiver');
      if (fromNode !== undefined && !this.peers.get(fromNode)!.has(topic)) return this.fail(message, r, 'no-route');
      for (const name of this.peers.get(topic)!) if (name !== sender) this.arrive(message, name);
    } else this.routeTo(message, fromNode, r);
  }

  private routeTo(message: Envelope, fromNode: string | undefined, name: string): void {
    if (name === CONSOLE) return this.arrive(message, name);
    if (!this.peers.has(name) || this.topics.has(name)) return this.fail(message, name, 'unknown-receiver');
    if (fromNode !== undefined && fromNode !== name && !this.peers.get(fromNode)!.has(name)) return this.fail(message, name, 'no-route');
    this.arrive(message, name);
  }

  private arrive(message: Envelope, name: string): void {
    if (this.agents.has(name) && this.drop(name, message)) this.dropped.push({ to: name, message });
    else if (this.agents.has(name)) this.queue.push({ to: name, message });
    else this.outside.push({ to: name, message });
  }

  private fail(message: Envelope, to: string, reason: string): void {
    this.problems.push(`${reason}: ${message.performative} ${message.sender} -> ${to}`);
    if (message.sender === KERNEL) return;
    const draft: { [key: string]: Json } = {
      performative: 'failure',
      receiver: message.sender,
      content: { reason, message_id: message.id, receiver: to },
    };
    if (message.reply_with !== undefined) draft.in_reply_to = message.reply_with;
    if (message.conversation_id !== undefined) draft.conversation_id = message.conversation_id;
    this.send(draft, KERNEL);
  }

  /**
   * Delivers until nothing is queued; then, unless `timers` is false, moves the clock to the
   * next timer (earliest, then first asked), delivers its wake-up, and goes on, until no
   * timer is left or the clock would pass `until`.
   */
  settle(maxSteps = 10_000, { timers = true, until = Infinity }: { timers?: boolean; until?: number } = {}): this {
    for (let steps = 0; ; steps++) {
      if (this.queue.length === 0 && !(timers && this.fireNextTimer(until))) return this;
      if (steps >= maxSteps) throw new Error(`no quiescence after ${maxSteps} deliveries`);
      const { to, message } = this.queue.shift()!;
      const agent = this.agents.get(to)!;
      try {
        agent.guest.handle(JSON.stringify({ ...message, receiver: message.receiver }));
      } catch (e) {
        const why = (e as { payload?: unknown }).payload ?? String(e);
        this.problems.push(`${to} could not handle ${message.performative} from ${message.sender}: ${String(why)}`);
        this.send({ performative: 'not-understood', receiver: message.sender, content: { reason: String(why) } }, KERNEL);
      }
      for (const { delayMs, tag } of agent.host.takeTimers())
        this.timers.push({ at: this.now + delayMs, order: this.timerOrder++, agent: to, tag });
      for (const draft of agent.host.take()) this.send(draft as { [key: string]: Json }, to);
    }
  }

  /** These agents never answer: nothing reaches them. */
  silence(...names: string[]): this {
    this.drop = (to) => names.includes(to);
    return this;
  }

  /** Timers still waiting, earliest first. */
  pendingTimers(): { at: number; agent: string; tag: string }[] {
    return [...this.timers].sort((a, b) => a.at - b.at || a.order - b.order).map(({ at, agent, tag }) => ({ at, agent, tag }));
  }

  private fireNextTimer(until: number): boolean {
    if (this.timers.length === 0) return false;
    let next = 0;
    for (let i = 1; i < this.timers.length; i++) {
      const t = this.timers[i]!;
      const best = this.timers[next]!;
      if (t.at < best.at || (t.at === best.at && t.order < best.order)) next = i;
    }
    const timer = this.timers[next]!;
    if (timer.at > until) return false;
    this.timers.splice(next, 1);
    this.now = Math.max(this.now, timer.at);
    for (const agent of this.agents.values()) agent.host.now = BigInt(this.now);
    this.wakeups.push({ at: this.now, agent: timer.agent, tag: timer.tag });
    const wakeup = {
      performative: 'inform',
      sender: timer.agent,
      receiver: timer.agent,
      ontology: 'orrery-timer',
      content: { timer: timer.tag },
      id: `t${this.timerOrder}-${timer.order}`,
      sent_at: this.now,
    };
    this.queue.push({ to: timer.agent, message: wakeup });
    return true;
  }

  /** Messages sent by `from`, optionally of one performative. */
  from(from: string, performative?: string): Envelope[] {
    return this.sent.filter((m) => m.sender === from && (performative === undefined || m.performative === performative));
  }

  /** The last message `from` sent out of the network (to `you` or a client): its final report. */
  report(from: string): Envelope | undefined {
    return this.outside.filter((o) => o.message.sender === from).at(-1)?.message;
  }
}
