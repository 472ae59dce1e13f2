import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countMetrics } from './state/metrics';
import { createTestWorkbench, type AgentHandler, type TestWorkbench } from './shell';

type Target = { kind: 'direct'; to: number } | { kind: 'list'; to: number[] } | { kind: 'broadcast' } | { kind: 'topic'; topic: number };
type Op = { kind: 'send'; from: number; target: Target } | { kind: 'hold'; agent: number } | { kind: 'release'; agent: number };

const AGENTS = 5;
const TOPICS = 2;
const agent = (i: number) => `a${i % AGENTS}`;
const topic = (i: number) => `t${i % TOPICS}`;
const CONSOLE_INDEX = AGENTS; // `from` = AGENTS means the console

const scenario = fc.record({
  agentLinks: fc.uniqueArray(
    fc.tuple(fc.nat(AGENTS - 1), fc.nat(AGENTS - 1)).filter(([a, b]) => a < b),
    { selector: ([a, b]) => `${a}-${b}`, maxLength: 10 },
  ),
  topicLinks: fc.uniqueArray(fc.tuple(fc.nat(AGENTS - 1), fc.nat(TOPICS - 1)), { selector: ([a, t]) => `${a}-${t}`, maxLength: 8 }),
  ops: fc.array(
    fc.oneof(
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('send' as const), from: fc.nat(AGENTS), target: target() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('hold' as const, 'release' as const), agent: fc.nat(AGENTS - 1) }) },
    ),
    { maxLength: 80 },
  ),
  seed: fc.nat(),
});

function target(): fc.Arbitrary<Target> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('direct' as const), to: fc.nat(AGENTS - 1) }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('list' as const), to: fc.array(fc.nat(AGENTS - 1), { minLength: 1, maxLength: 3 }) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('broadcast' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('topic' as const), topic: fc.nat(TOPICS - 1) }) },
  );
}

type Scenario = { agentLinks: [number, number][]; topicLinks: [number, number][]; ops: Op[]; seed: number };

function play(s: Scenario, kind: 'sink' | 'echo' = 'sink'): TestWorkbench {
  const sink: AgentHandler = () => undefined;
  const echo: AgentHandler = (m, ctx) => {
    if (m.performative === 'request') ctx.reply(m, { performative: 'inform', content: m.content });
  };
  const wb = createTestWorkbench({ seed: s.seed, kinds: { sink, echo } });
  for (let i = 0; i < AGENTS; i++) wb.deploy(agent(i), kind);
  for (let t = 0; t < TOPICS; t++) wb.topic(topic(t));
  for (const [a, b] of s.agentLinks) wb.link(agent(a), agent(b));
  for (const [a, t] of s.topicLinks) wb.link(agent(a), topic(t));
  let n = 0;
  for (const op of s.ops) {
    if (op.kind === 'hold') wb.hold(agent(op.agent));
    else if (op.kind === 'release') wb.release(agent(op.agent));
    else {
      const t = op.target;
      const receiver =
        t.kind === 'direct' ? agent(t.to) : t.kind === 'list' ? t.to.map(agent) : t.kind === 'broadcast' ? '*' : `topic:${topic(t.topic)}`;
      const draft = { performative: 'request', receiver, content: n++, reply_with: `q${n}` };
      if (op.from === CONSOLE_INDEX) wb.send(draft);
      else wb.sendAs(agent(op.from), draft);
    }
  }
  for (let i = 0; i < AGENTS; i++) wb.release(agent(i));
  return wb;
}

/** Who should get a message, from the topology alone. */
function expectedRecipients(s: Scenario, sender: string, receiver: string | readonly string[]): string[] {
  const linked = (a: string, b: string) =>
    s.agentLinks.some(([x, y]) => (agent(x) === a && agent(y) === b) || (agent(x) === b && agent(y) === a)) ||
    s.topicLinks.some(([x, t]) => (agent(x) === a && topic(t) === b) || (agent(x) === b && topic(t) === a));
  const all = Array.from({ length: AGENTS }, (_, i) => agent(i));
  const console = sender === 'you';
  const reachable = (to: string) => console || to === sender || linked(sender, to);
  if (receiver === '*') return all.filter((a) => a !== sender && (console || linked(sender, a)));
  if (typeof receiver === 'string' && receiver.startsWith('topic:')) {
    const t = receiver.slice(6);
    if (!console && !linked(sender, t)) return [];
    return all.filter((a) => a !== sender && linked(a, t));
  }
  const names = typeof receiver === 'string' ? [receiver] : [...new Set(receiver)];
  return names.filter(reachable);
}

describe('kernel properties (no chaos)', () => {
  it('delivers every message exactly once to each recipient it can reach, in order per sender→receiver pair', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const wb = play(s);
        const sent = wb
          .eventsOf('message.sent')
          .map((e) => e.message)
          .filter((m) => m.sender !== 'kernel');
        const delivered = new Map<string, number>();
        for (const e of wb.eventsOf('message.delivered'))
          delivered.set(`${e.messageId}>${e.to}`, (delivered.get(`${e.messageId}>${e.to}`) ?? 0) + 1);
        const seenBy = new Map<string, number>();
        for (let i = 0; i < AGENTS; i++)
          for (const m of wb.messagesTo(agent(i))) seenBy.set(`${m.id}>${agent(i)}`, (seenBy.get(`${m.id}>${agent(i)}`) ?? 0) + 1);
        let expectedTotal = 0;
        for (const m of sent) {
          for (const to of expectedRecipients(s, m.sender, m.receiver)) {
            expectedTotal++;
            expect(delivered.get(`${m.id}>${to}`), `${m.id} ${m.sender}→${to}`).toBe(1);
            expect(seenBy.get(`${m.id}>${to}`)).toBe(1);
          }
        }
        const agentDeliveries = [...seenBy.entries()].filter(([k]) => sent.some((m) => k.startsWith(`${m.id}>`)));
        expect(agentDeliveries.length).toBe(expectedTotal);
        // Nothing is lost silently: nothing left in any mailbox.
        for (let i = 0; i < AGENTS; i++) expect(wb.kernel.mailbox(agent(i))).toEqual([]);
        // FIFO per pair: ids are assigned in send order.
        for (let i = 0; i < AGENTS; i++) {
          const bySender = new Map<string, number[]>();
          for (const m of wb.messagesTo(agent(i))) bySender.set(m.sender, [...(bySender.get(m.sender) ?? []), Number(m.id.slice(1))]);
          for (const ids of bySender.values()) expect(ids).toEqual([...ids].sort((x, y) => x - y));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps counters equal to a recount of the event log', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const wb = play(s, 'echo');
        const recount = countMetrics(wb.events);
        const snapshot = wb.snapshot();
        for (const a of snapshot.agents) expect(a.counters).toEqual(recount.node(a.name));
        for (const l of snapshot.links) expect(l.counters).toEqual(recount.link(l.id));
        const sent = wb.eventsOf('message.sent').filter((e) => e.message.sender === 'a0').length;
        expect(snapshot.agents.find((a) => a.name === 'a0')!.counters.sent).toBe(sent);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the identical event log for the same seed and inputs', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const first = JSON.stringify(play(s, 'echo').events);
        const second = JSON.stringify(play(s, 'echo').events);
        expect(second).toBe(first);
      }),
      { numRuns: 60 },
    );
  });
});
