import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../../kernel/types';
import { configureCommand, restartsFor, settingsOf } from './configureCommand';

const agent: AgentView = {
  name: 'k',
  kind: 'counter',
  status: 'running',
  instance: 1,
  restarts: 0,
  mailboxDepth: 0,
  counters: { sent: 0, delivered: 0, failed: 0 },
  config: null,
  limits: { deadlineMs: 5_000, mailboxCapacity: 10_000, maxMessageBytes: 1_048_576, memoryPages: 16 },
  group: 'g',
  restart: 'permanent',
  redelivery: 'once',
  isolated: false,
};

describe('configureCommand', () => {
  it('the form as it came sends a configure that changes nothing', () => {
    expect(configureCommand(agent, settingsOf(agent))).toEqual({ type: 'agent.configure', name: 'k' });
    expect(restartsFor(agent, settingsOf(agent))).toBe(false);
  });

  it('sends only what changed; 0 clears an optional limit (null) and no group is the top level', () => {
    const s = settingsOf(agent);
    const edited = {
      ...s,
      redelivery: 'never' as const,
      group: '',
      limits: { ...s.limits, mailboxCapacity: 100, memoryPages: undefined, maxConcurrent: 4 },
    };
    expect(configureCommand(agent, edited)).toEqual({
      type: 'agent.configure',
      name: 'k',
      limits: { mailboxCapacity: 100, memoryPages: null, maxConcurrent: 4 },
      redelivery: 'never',
      group: null,
    });
    expect(restartsFor(agent, edited)).toBe(true); // memoryPages is enforced by the host
    expect(restartsFor(agent, { ...s, limits: { ...s.limits, mailboxCapacity: 1 } })).toBe(false);
    expect(restartsFor(agent, { ...s, isolated: true })).toBe(true);
  });
});
