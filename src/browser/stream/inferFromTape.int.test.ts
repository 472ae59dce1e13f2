/**
 * A draft inferred on the live kernel covers the whole run (its tape), not only the events
 * the kernel's bounded log still keeps: real echo agents in worker_threads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTapeRecorder } from '../../experiments/replay/recorder';
import { createNodeWorkbench, type NodeWorkbench } from '../../hosts/node/createNodeWorkbench';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import { createContractsApi } from './createContractsApi';

requireBuiltAgents();

const SEED = 11;
const WINDOW = 200;

describe('inferring a draft from the live run', () => {
  const tape = createTapeRecorder();
  let wb: NodeWorkbench;
  beforeAll(async () => {
    wb = await createNodeWorkbench({ kinds: ['echo'], workers: 1, seed: SEED, logLimit: WINDOW, kernel: { onInput: tape.onInput } });
  });
  afterAll(async () => {
    await wb?.dispose();
  });

  it('covers a performative seen only at the start of a run longer than the event log; after the tape is let go, the window, saying why', async () => {
    await wb.command({ type: 'agent.deploy', spec: { name: 'e1', kind: 'echo' } });
    await wb.request({ performative: 'query-ref', receiver: 'e1', content: { q: 'first' } }, 5000);
    for (let n = 0; n < 80; n++) await wb.request({ performative: 'request', receiver: 'e1', content: { n } }, 5000);
    const api = createContractsApi({
      kernel: wb.kernel,
      subscribe: (listener) => wb.runtime.subscribe(listener),
      tape: { recorder: tape, header: { kernelSeed: SEED, kernel: {} } },
    });
    const run = wb.kernel.snapshot().seq;
    expect(run).toBeGreaterThan(2 * WINDOW);

    const whole = await api.inferContract();
    expect(whole?.from).toEqual({ whole: true, events: run });
    expect(whole?.draft.kinds['echo']?.['query-ref']?.accepts).toEqual({
      type: 'object',
      properties: { q: { type: 'string' } },
      required: ['q'],
    });
    expect(whole?.draft.kinds['echo']?.inform?.sends).toMatchObject({ type: 'object' });

    tape.release('a live load run started');
    const window = await api.inferContract();
    expect(window?.from).toEqual({ whole: false, events: WINDOW, why: 'a live load run started' });
    expect(window?.draft.kinds['echo']).not.toHaveProperty('query-ref');
    expect(window?.draft.kinds['echo']?.request?.accepts).toMatchObject({ type: 'object' });
  });
});
