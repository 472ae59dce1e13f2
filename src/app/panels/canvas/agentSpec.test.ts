/**
 * Undo of a removal and clone re-deploy an agent from the store: the spec must bring it
 * back with the settings it had (limits, restart type, redelivery, isolation), not defaults.
 */
import { describe, expect, it } from 'vitest';
import type { EventBody, KernelEvent } from '../../../kernel/types';
import { initialData, type WorkbenchState } from '../../store/createWorkbenchStore';
import { reduceEvents } from '../../store/reduceEvents';
import { agentSpec } from './canvasActions';

let seq = 0;
const ev = (body: EventBody): KernelEvent => ({ ...body, seq: seq++, t: seq }) as KernelEvent;

const limits = { deadlineMs: 250, mailboxCapacity: 7, maxMessageBytes: 4096, overflow: 'drop-oldest' as const, memoryPages: 32 };

describe('agentSpec', () => {
  it('carries the settings an agent.configured event reported', () => {
    let s = initialData();
    s = {
      ...s,
      ...reduceEvents(s, [
        ev({ type: 'agent.deployed', agent: 'c1', kind: 'counter', config: { start: 1 } }),
        ev({
          type: 'agent.configured',
          agent: 'c1',
          limits,
          restart: 'transient',
          redelivery: 'never',
          isolated: true,
          changed: ['deadlineMs'],
          respawn: true,
        }),
      ]),
    };
    expect(agentSpec(s as unknown as WorkbenchState, 'c1', 'g1')).toEqual({
      name: 'c1',
      kind: 'counter',
      config: { start: 1 },
      group: 'g1',
      limits,
      restart: 'transient',
      redelivery: 'never',
      isolated: true,
    });
  });

  it('is null for an agent the store does not know', () => {
    expect(agentSpec(initialData() as unknown as WorkbenchState, 'ghost', null)).toBeNull();
  });
});
