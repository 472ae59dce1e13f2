/** A shrink predicate: the chaos experiment's hypothesis fails on a candidate run's log. */
import { collectRequests } from '../metrics/requests';
import { probeIds } from '../chaos/parseExperiment';
import { planExperiment } from '../chaos/planExperiment';
import { evaluateProbe } from '../chaos/probes';
import type { ExperimentResult, FailedCheck } from '../chaos/result';
import type { Experiment } from '../chaos/types';
import type { KernelEvent } from '../../kernel/types';
import type { Rerun } from './rerun';

/**
 * The hypothesis checks `log` fails, window by window. `original` is the recorded run's result:
 * its windows give the workload's start (t0), which every candidate shares (the same setup at
 * the same times).
 */
export function failedChecks(
  experiment: Experiment,
  original: Pick<ExperimentResult, 'windows'>,
  log: readonly KernelEvent[],
): FailedCheck[] {
  const plan = planExperiment(experiment);
  const first = original.windows[0];
  const t0 = first && plan.windows[0] ? first.start - plan.windows[0].start : 0;
  const ids = probeIds(experiment);
  const requests = collectRequests(log, { from: experiment.workload.clients.map((c) => c.client) });
  const failed: FailedCheck[] = [];
  for (const w of plan.windows)
    for (const id of w.probes) {
      const v = evaluateProbe(experiment.hypothesis[ids.indexOf(id)]!, id, {
        log,
        window: { start: t0 + w.start, end: t0 + w.end },
        requests,
      });
      if (!v.pass) failed.push({ window: w.name, probe: v.id, value: v.value, threshold: v.threshold, detail: v.detail });
    }
  return failed;
}

export function hypothesisFails(experiment: Experiment, original: Pick<ExperimentResult, 'windows'>): (run: Rerun) => boolean {
  return ({ log }) => failedChecks(experiment, original, log).length > 0;
}
