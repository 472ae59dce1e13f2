import { describe, expect, it } from 'vitest';
import { shrinkProgressText, shrinkView } from './shrinkView';

describe('a shrink as shown', () => {
  it('progress, the verdict, the minimal inputs and conversation', () => {
    expect(shrinkProgressText({ tried: 1, kept: 40, from: 40 })).toBe(
      'Shrinking… 1 candidate run tried; the smallest still failing keeps 40 of 40 inputs.',
    );
    const view = shrinkView({
      shrunk: true,
      recording: {} as never,
      from: 40,
      to: 2,
      tried: 17,
      gaveUp: false,
      inputs: [
        { t: 100, type: 'chaos.inject', text: 'fault f1: drop on load--echo (p 0.5)' },
        { t: 250, type: 'message.send', text: 'load → echo: request {"n":3}' },
      ],
      conversations: [
        {
          id: 'k3',
          messages: [
            { seq: 9, t: 250, message: { performative: 'request', sender: 'load', receiver: 'echo', content: { n: 3 } } as never },
          ],
        },
      ],
    });
    expect(view.verdict).toBe(
      'Shrunk from 40 to 2 inputs (client messages and faults) that still fail the hypothesis, in 17 candidate runs.',
    );
    expect(view.inputs).toEqual(['100 ms: fault f1: drop on load--echo (p 0.5)', '250 ms: load → echo: request {"n":3}']);
    expect(view.messages).toEqual(['k3 · 250 ms: load → echo request {"n":3}']);
  });

  it('says plainly when there is nothing to shrink', () => {
    expect(shrinkView({ shrunk: false, reason: "this recording's run passed its checks: nothing to shrink" }).verdict).toBe(
      "This recording's run passed its checks: nothing to shrink.",
    );
  });
});
