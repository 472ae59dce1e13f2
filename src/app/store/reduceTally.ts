/**
 * Applies what the kernel worker tallied instead of sending (see browser/stream): counters,
 * mailbox depths, link traffic and latency, as the left-out events would have; and the
 * sampling count.
 */
import type { MessageTally, SampleCount } from '../../browser/stream/uiStreamTypes';
import type { LinkFlow } from '../panels/canvas/canvasSlice';
import { Draft, type Projected } from './reduceEvents';
import type { LogSlice } from './types';

type TallyInput = Projected & { flows: Record<string, LinkFlow> };
type TallyOutput = Partial<Projected & { flows: Record<string, LinkFlow> }>;

function applyAgentTallies(d: Draft, tally: MessageTally): void {
  for (const [name, t] of Object.entries(tally.agents)) {
    const agent = d.agent(name);
    if (!agent) continue;
    agent.counters.sent += t.sent;
    agent.counters.delivered += t.delivered;
    agent.counters.failed += t.failed;
    agent.mailboxDepth = Math.max(0, agent.mailboxDepth + t.delivered - t.handled);
  }
}

function applyLinkTallies(d: Draft, state: TallyInput, tally: MessageTally): Record<string, LinkFlow> | undefined {
  let flows: Record<string, LinkFlow> | undefined;
  for (const [id, t] of Object.entries(tally.links)) {
    const link = d.link(id);
    if (!link) continue;
    let ab = 0;
    let ba = 0;
    // A fan-out through a topic is delivered "to" the topic: that is towards it too.
    for (const [to, n] of Object.entries(t.to)) {
      if (to === link.b || to === `topic:${link.b}`) ab += n;
      else ba += n;
    }
    link.pulse += ab + ba;
    link.messages += ab + ba;
    flows ??= { ...state.flows };
    const f = { ...(flows[id] ?? { ab: 0, ba: 0, timed: 0, latencySumMs: 0, latencyMaxMs: 0, latencyLastMs: 0 }) };
    f.ab += ab;
    f.ba += ba;
    f.timed += t.timed;
    f.latencySumMs += t.latencySumMs;
    f.latencyMaxMs = Math.max(f.latencyMaxMs, t.latencyMaxMs);
    if (t.timed > 0) f.latencyLastMs = t.latencyLastMs;
    flows[id] = f;
  }
  return flows;
}

export interface TallyBatch {
  tally?: MessageTally;
  sample?: SampleCount;
}

/** Apply after the batch's whole events were reduced (on the state they produced). */
export function reduceTally(state: TallyInput & Pick<LogSlice, 'messageSample'>, batch: TallyBatch): TallyOutput & Partial<LogSlice> {
  if (!batch.tally && !batch.sample) return {};
  const d = new Draft(state);
  let flows: Record<string, LinkFlow> | undefined;
  if (batch.tally) {
    applyAgentTallies(d, batch.tally);
    flows = applyLinkTallies(d, state, batch.tally);
  }
  const out: TallyOutput & Partial<LogSlice> = { ...d.result() };
  if (flows) out.flows = flows;
  if (batch.tally && batch.tally.lastSeq > state.lastSeq) out.lastSeq = batch.tally.lastSeq;
  if (batch.sample) {
    const s = state.messageSample;
    out.messageSample = { shown: s.shown + batch.sample.shown, total: s.total + batch.sample.total };
  }
  return out;
}
