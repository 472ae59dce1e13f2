import { describe, expect, it } from 'vitest';
import { errorData } from '../../../protocol/errors';
import { replayRequest } from './replayRequest';
import { standInRequests, standInRows } from './standInView';

describe('stand-ins in the replay form', () => {
  it('asks for the ticked agents only, in the recording order, with their modes', () => {
    const choices = {
      b: { on: true, mode: 'passthrough' as const },
      a: { on: true, mode: 'replay' as const },
      c: { on: false, mode: 'replay' as const },
    };
    expect(standInRequests(['a', 'b', 'c'], choices)).toEqual([
      { agent: 'a', mode: 'replay' },
      { agent: 'b', mode: 'passthrough' },
    ]);
    expect(standInRequests(['a'], {})).toEqual([]);
  });

  it('puts them in the request in simulation, and refuses them against the live workbench', () => {
    const form = { ignore: '', orderSensitive: true, swaps: '', standIns: [{ agent: 'a', mode: 'replay' as const }] };
    const sim = replayRequest({ ...form, against: 'simulation' });
    expect(sim.ok && sim.value.standIns).toEqual([{ agent: 'a', mode: 'replay' }]);
    expect(replayRequest({ ...form, against: 'live' })).toEqual({
      ok: false,
      problem: 'Stand-ins answer in a fresh simulation only: replay against “a fresh simulation”, or clear the stand-ins.',
    });
    const none = replayRequest({ ...form, standIns: [], against: 'live' });
    // Accepted (without the line above, a refusal would pass the check below as well)
    expect(none.ok).toBe(true);
    expect(none.ok && 'standIns' in none.value).toBe(false);
  });

  it('shows each stand-in: answered from the recording, or each miss with its code', () => {
    const miss = errorData(
      'ORR510',
      'stand-in for echo: no recorded answer for request from relay; closest recorded: request from relay (m2), differing in content.n (recorded 1, got 101)',
    );
    const rows = standInRows([
      { agent: 'echo', mode: 'replay', misses: [], added: 0, unused: 0 },
      {
        agent: 'counter',
        mode: 'replay',
        misses: [{ message: { performative: 'request', sender: 'relay', receiver: 'counter' } as never, error: miss }],
        added: 0,
        unused: 1,
      },
      { agent: 'kv', mode: 'record-if-missing', misses: [], added: 2, unused: 0 },
    ]);
    expect(rows[0]).toEqual({
      agent: 'echo',
      ok: true,
      summary: 'echo (stand-in, replay): every message answered from the recording; 0 recorded exchanges not asked for.',
      misses: [],
    });
    expect(rows[1]!.ok).toBe(false);
    expect(rows[1]!.summary).toBe(
      'counter (stand-in, replay): 1 message the recording could not answer; 1 recorded exchange not asked for.',
    );
    expect(rows[1]!.misses).toEqual([`ORR510: ${miss.message}`]);
    expect(rows[2]!.summary).toContain('2 new exchanges recorded from the real agent');
    expect(standInRows(undefined)).toEqual([]);
  });
});
