/**
 * Test support for the pipeline stages: a bare KernelState (no kernel around it) with a
 * virtual clock, the step's events and effects collected, and nodes added directly, so a
 * stage can be called alone. `dispatch` records kernel messages sent back (failures)
 * unless the real `sendMessage` is asked for.
 */
import type { AclMessage, MessageDraft } from '../../protocol/message';
import { createManualClock } from '../clock';
import type { FaultSpec } from '../resilienceTypes';
import { createSeededRng } from '../rng';
import { createKernelState, type Dispatch, type KernelState } from '../state/kernelState';
import { refreshNet } from '../state/netFlags';
import { createAgentNode, newBreaker, type AgentNode, type ClientNode, type LinkRecord } from '../state/nodes';
import type { AgentLimits, Effect, KernelEvent } from '../types';

export interface Harness {
  state: KernelState;
  events: KernelEvent[];
  effects: Effect[];
  /** Drafts the stages sent back through `dispatch` (kernel failures), with their sender. */
  sentBack: { draft: MessageDraft; sender: string }[];
  agent(name: string, limits?: Partial<AgentLimits>): AgentNode;
  client(name: string): ClientNode;
  link(a: string, b: string, policy?: LinkRecord['policy']): LinkRecord;
  fault(fault: FaultSpec): void;
  types<T extends KernelEvent['type']>(type: T): Extract<KernelEvent, { type: T }>[];
}

const LIMITS: AgentLimits = { deadlineMs: 5_000, mailboxCapacity: 10, maxMessageBytes: 1 << 20 };

export function createHarness(options: { send?: Dispatch['send']; window?: number } = {}): Harness {
  const events: KernelEvent[] = [];
  const effects: Effect[] = [];
  const sentBack: Harness['sentBack'] = [];
  const recordOnly: Dispatch['send'] = (_state, draft, sender) => {
    sentBack.push({ draft, sender });
    return { ...draft, id: `back${sentBack.length}`, sender, content: draft.content ?? null, receiver: draft.receiver } as never;
  };
  const state = createKernelState({
    clock: createManualClock(0),
    rng: createSeededRng(7),
    defaultLimits: LIMITS,
    maxInFlight: 32,
    maxMessageBytes: 1 << 20,
    eventLogCapacity: Infinity,
    dispatch: { send: options.send ?? recordOnly },
  });
  state.log.begin(0, events);
  state.effects = effects;
  return {
    state,
    events,
    effects,
    sentBack,
    agent(name, limits = {}) {
      const merged = { ...LIMITS, ...limits };
      const node = createAgentNode(name, 'test', null, merged, false, {
        window: options.window ?? 32,
        group: undefined,
        restartType: 'permanent',
        redelivery: 'once',
      });
      node.status = 'running';
      state.registry.add(node);
      return node;
    },
    client(name) {
      const node: ClientNode = { type: 'client', name, peers: new Map() };
      state.registry.add(node);
      return node;
    },
    link(a, b, policy) {
      const link = state.links.add(state.registry, state.ids, a, b, undefined);
      if ('code' in link) throw new Error(link.message);
      if (policy !== undefined) {
        link.policy = policy;
        if (policy.breaker !== undefined) link.breaker = newBreaker();
        state.net.configured++;
        refreshNet(state);
      }
      return link;
    },
    fault(fault) {
      state.chaos.faults.set(fault.id, fault);
      state.chaos.rebuild();
      refreshNet(state);
    },
    types: (type) => events.filter((e) => e.type === type) as never,
  };
}

let counter = 0;

/** A stamped message as the pipeline carries it. */
export function message(fields: Partial<AclMessage> & { sender: string; receiver: AclMessage['receiver'] }): AclMessage {
  return {
    id: `t${++counter}`,
    performative: 'inform',
    content: null,
    conversation_id: undefined,
    reply_with: undefined,
    in_reply_to: undefined,
    reply_by: undefined,
    protocol: undefined,
    ontology: undefined,
    language: undefined,
    sent_at: 0,
    ...fields,
  };
}
