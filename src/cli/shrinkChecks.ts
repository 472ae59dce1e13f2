/**
 * The hypothesis checks a shrunk run fails (what `orrery shrink` shows as "the failing check"):
 * the same windows and probes as the core's `hypothesisFails`, with each verdict kept.
 */
import { collectRequests } from '../experiments/metrics/requests';
import { probeIds } from '../experiments/chaos/parseExperiment';
import { planExperiment } from '../experiments/chaos/planExperiment';
import { evaluateProbe } from '../experiments/chaos/probes';
import type { ExperimentResult, FailedCheck } from '../experiments/chaos/result';
import type { Experiment } from '../experiments/chaos/types';
import type { KernelEvent } from '../kernel/types';

/** `original`'s first window fixes the workload's start, which every shrink candidate shares. */
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
