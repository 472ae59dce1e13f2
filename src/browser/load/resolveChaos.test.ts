import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../experiments/chaos/parseExperiment';
import { echoSoak } from '../../experiments/chaos/examples';
import { chaosResolver, shippedChaosExperiments } from './resolveChaos';

describe('chaos experiments a load file names', () => {
  it('the shipped examples are known by name', () => {
    expect(shippedChaosExperiments().map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'echo soak: drop, duplicate, kill',
        'lossy network, default hypothesis',
        'fragile: no retries under 3% loss',
      ]),
    );
    expect(chaosResolver()('lossy network, default hypothesis')?.schema).toBe('orrery.experiment/1');
    expect(chaosResolver()('nobody saved this')).toBeUndefined();
  });

  it('one saved on the page comes first, over a shipped one of the same name', () => {
    const saved = parseExperiment({ ...echoSoak({ agents: 1 }), description: 'my own copy' });
    expect(chaosResolver([saved])('echo soak: drop, duplicate, kill')?.description).toBe('my own copy');
  });
});
