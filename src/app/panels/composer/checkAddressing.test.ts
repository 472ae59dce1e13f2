import { describe, expect, it } from 'vitest';
import type { MessageDraft } from '../../../protocol/message';
import { addressingProblems, type NetworkView } from './checkAddressing';

const NETWORK: NetworkView = {
  agents: { 'echo-1': 'echo', 'counter-1': 'counter', 'mine-1': 'custom:abc' },
  topics: ['news'],
  clients: ['shop'],
};
const problems = (draft: MessageDraft) => addressingProblems(draft, NETWORK);

describe('addressingProblems', () => {
  it('accepts live agents, clients, topics, broadcast and the console', () => {
    for (const receiver of ['echo-1', 'shop', 'topic:news', '*', 'you', ['echo-1', 'counter-1']]) {
      expect(problems({ performative: 'request', receiver })).toEqual([]);
    }
  });

  it('flags a receiver nobody is named, with the live names', () => {
    expect(problems({ performative: 'request', receiver: 'echo-2' })).toEqual([
      {
        field: 'receiver',
        message:
          'receiver: no agent or client is named "echo-2" (live: echo-1, counter-1, mine-1, shop); the kernel would dead-letter it as unknown-receiver.',
      },
    ]);
    expect(problems({ performative: 'inform', receiver: ['echo-1', 'ghost'] }).map((p) => p.field)).toEqual(['receiver[1]']);
    expect(problems({ performative: 'inform', receiver: 'topic:sports' })[0]?.message).toMatch(
      /no topic is named "sports" \(topics: news\)/,
    );
  });

  it('flags a performative the receiving kind does not handle, and checks nothing for unknown kinds', () => {
    expect(problems({ performative: 'cfp', receiver: 'echo-1' })).toEqual([
      {
        field: 'performative',
        message:
          'performative: echo-1 (echo) does not accept "cfp"; it handles request, query-if, query-ref, inform, failure, not-understood, agree, refuse, and would answer not-understood.',
      },
    ]);
    expect(problems({ performative: 'inform', receiver: 'counter-1' })[0]?.field).toBe('performative');
    expect(problems({ performative: 'cfp', receiver: 'mine-1' })).toEqual([]);
  });
});
