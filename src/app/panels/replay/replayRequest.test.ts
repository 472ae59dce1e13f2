import { describe, expect, it } from 'vitest';
import { parseKindSwaps, replayRequest } from './replayRequest';

describe('the replay form', () => {
  it('reads agents deployed with another kind', () => {
    expect(parseKindSwaps('counter-1=echo, b = kv-store')).toEqual({ ok: true, value: { 'counter-1': 'echo', b: 'kv-store' } });
    expect(parseKindSwaps('  ')).toEqual({ ok: true, value: {} });
    expect(parseKindSwaps('counter-1')).toEqual({ ok: false, problem: '“counter-1”: expected agent=kind, e.g. counter-1=echo' });
    expect(parseKindSwaps('a=b=c').ok).toBe(false);
  });

  it('makes the request: rules always, kinds only when some are swapped', () => {
    expect(replayRequest({ against: 'live', ignore: 'id, sent_at', orderSensitive: false, swaps: '' })).toEqual({
      ok: true,
      value: { against: 'live', rules: { ignore: ['id', 'sent_at'], orderSensitive: false } },
    });
    const swapped = replayRequest({ against: 'simulation', ignore: '', orderSensitive: true, swaps: 'counter-1=echo' });
    expect(swapped.ok && swapped.value.kinds).toEqual({ 'counter-1': 'echo' });
    expect(replayRequest({ against: 'live', ignore: '', orderSensitive: true, swaps: 'x' }).ok).toBe(false);
  });
});
