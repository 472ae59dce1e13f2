/** A shrink predicate: the chaos experiment's hypothesis fails on a candidate run's log. */
import { collectRequests } from '../metrics/requests';
import { probeIds } from '../chaos/parseExperiment';
import { planExperiment } from '../chaos/planExperiment';
import { evaluateProbe } from '../chaos/probes';
import type { ExperimentResult } from '../chaos/result';
import type { Experiment } from '../chaos/types';
import type { Rerun } from './rerun';

/**
 * `original` is the recorded run's result: its windows give the workload's start (t0), which
 * every candidate shares (the same setup at the same times).
 */
export function hypothesisFails(experiment: Experiment, original: Pick<ExperimentResult, 'windows'>): (run: Rerun) => boolean {
  const plan = planExperiment(experiment);
  const first = original.windows[0];
  const t0 = first && plan.windows[0] ? first.start - plan.windows[0].start : 0;
  const ids = probeIds(experiment);
  const clients = experiment.workload.clients.map((c) => c.client);
  return ({ log }) => {
    const requests = collectRequests(log, { from: clients });
    return plan.windows.some((w) =>
      w.probes.some(
        (id) =>
          !evaluateProbe(experiment.hypothesis[ids.indexOf(id)]!, id, { log, window: { start: t0 + w.start, end: t0 + w.end }, requests })
            .pass,
      ),
    );
  };
}
