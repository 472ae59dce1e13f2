/**
 * A canary release plugged into a load run (LoadRunHooks): the runner deploys the canary
 * with the topology, asks where each message goes, reports each finished request and ticks
 * the release; it knows nothing of canaries.
 */
import type { LoadCanary } from '../experiment/types';
import type { LoadRunHooks } from '../run/types';
import { CanaryRelease } from './canaryRelease';

/**
 * `experiment.canary` → hooks. The split draws from the rng the runner passes to `route`
 * (its route stream, seeded from the run's seed: the same seed splits the same way);
 * `_seed` is in the runners' call and not needed.
 */
export function canaryHooks(config: LoadCanary, _seed?: number): LoadRunHooks {
  const release = new CanaryRelease(config);
  return {
    setup: () => [{ type: 'agent.deploy', spec: config.canary }],
    route: (receiver, _atMs, rng) => release.route(receiver, rng),
    observe: (o) => release.observe(o.agent, o.ok, o.latencyMs),
    tick: (atMs, inFlight) => release.advance(atMs, inFlight(config.canary.name)),
    busy: () => release.busy(),
    annotations: () => release.annotations(),
    view: () => release.view(),
  };
}
