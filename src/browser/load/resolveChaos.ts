/**
 * `chaos.experiment` in a load file names a chaos experiment: one the person saved in the
 * Chaos tab (the page sends them with the run), else one shipped in examples/.
 */
import { parseExperiment } from '../../experiments/chaos/parseExperiment';
import type { Experiment } from '../../experiments/chaos/types';

const SHIPPED = import.meta.glob<unknown>('../../../examples/*.experiment.json', { eager: true, import: 'default' });

let shipped: Experiment[] | undefined;

/** The shipped chaos experiments that parse (parsed once). */
export function shippedChaosExperiments(): Experiment[] {
  shipped ??= Object.keys(SHIPPED)
    .sort()
    .flatMap((file) => {
      try {
        return [parseExperiment(SHIPPED[file])];
      } catch {
        return [];
      }
    });
  return shipped;
}

export function chaosResolver(saved: readonly Experiment[] = []): (name: string) => Experiment | undefined {
  return (name) => saved.find((e) => e.name === name) ?? shippedChaosExperiments().find((e) => e.name === name);
}
