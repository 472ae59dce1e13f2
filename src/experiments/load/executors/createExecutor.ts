/** One executor per scenario, by k6's name (see types.ts). */
import { arrivalRateExecutor } from './arrivalRate';
import { closedLoopExecutor, type ClosedPolicy } from './closedLoop';
import { rampingSteps } from './rampingSteps';
import { EXECUTOR_DEFAULTS as D, type Executor, type ExecutorConfig } from './types';

export function createExecutor(config: ExecutorConfig): Executor {
  const origin = config.startTime ?? D.startTime;
  const flat = (
    vus: number,
    endsAt: number,
  ): Pick<ClosedPolicy, 'maxVUs' | 'endsAt' | 'activeAt' | 'nextChangeAfter' | 'gracefulRampDown'> => ({
    endsAt,
    maxVUs: vus,
    activeAt: () => vus,
    nextChangeAfter: () => undefined,
    gracefulRampDown: Infinity,
  });
  switch (config.executor) {
    case 'shared-iterations': {
      const vus = config.vus ?? D.vus;
      const total = config.iterations ?? D.iterations;
      return closedLoopExecutor(config, {
        ...flat(vus, origin + (config.maxDuration ?? D.maxDuration)),
        total,
        mayStart: (_iter, started) => started < total,
      });
    }
    case 'per-vu-iterations': {
      const vus = config.vus ?? D.vus;
      const each = config.iterations ?? D.iterations;
      return closedLoopExecutor(config, {
        ...flat(vus, origin + (config.maxDuration ?? D.maxDuration)),
        total: vus * each,
        mayStart: (iter) => iter < each,
      });
    }
    case 'constant-vus':
      return closedLoopExecutor(config, { ...flat(config.vus ?? D.vus, origin + config.duration), mayStart: () => true });
    case 'ramping-vus': {
      const steps = rampingSteps(config.startVUs ?? D.startVUs, config.stages, origin);
      return closedLoopExecutor(config, {
        endsAt: origin + steps.duration,
        maxVUs: steps.max,
        activeAt: (now) => steps.countAt(now),
        nextChangeAfter: (now) => steps.nextChangeAfter(now),
        mayStart: () => true,
        gracefulRampDown: config.gracefulRampDown ?? D.gracefulRampDown,
      });
    }
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
      return arrivalRateExecutor(config);
  }
}
