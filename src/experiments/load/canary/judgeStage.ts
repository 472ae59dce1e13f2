/**
 * A canary stage's verdict: the canary's figures against the judge's absolute limits and
 * against the stable version over the same stage. When the stable had too few requests in
 * the stage (a 100 % stage sends it none), it is compared with everything the stable
 * answered since the run began; with too few even then, the comparisons are left out and
 * the reasons say so.
 */
import type { CanaryJudge } from '../experiment/types';
import type { VersionFigures } from './versionStats';

export interface StageJudgement {
  passed: boolean;
  /** Why it failed, or what could not be judged. */
  reasons: string[];
  stable: VersionFigures;
}

const pct = (rate: number) => `${(rate * 100).toFixed(1)} %`;
const msText = (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;

export function judgeStage(
  judge: CanaryJudge,
  canary: VersionFigures,
  stableStage: VersionFigures,
  stableAll: VersionFigures,
): StageJudgement {
  const failures: string[] = [];
  if (judge.maxErrorRate !== undefined && canary.errorRate > judge.maxErrorRate)
    failures.push(`error rate ${pct(canary.errorRate)} > ${pct(judge.maxErrorRate)}`);
  if (judge.maxP95Ms !== undefined && canary.p95 > judge.maxP95Ms) failures.push(`p95 ${msText(canary.p95)} > ${msText(judge.maxP95Ms)}`);
  const stable = stableStage.requests >= judge.minRequests ? stableStage : stableAll;
  const comparesWithStable = judge.maxErrorRateOverStable !== undefined || judge.maxP95RatioToStable !== undefined;
  if (!comparesWithStable) return { passed: failures.length === 0, reasons: failures, stable };
  if (stable.requests < judge.minRequests) {
    const note = `not compared with the stable version: it answered ${stable.requests} requests (fewer than ${judge.minRequests})`;
    return { passed: failures.length === 0, reasons: [...failures, note], stable };
  }
  if (judge.maxErrorRateOverStable !== undefined && canary.errorRate - stable.errorRate > judge.maxErrorRateOverStable)
    failures.push(
      `error rate ${pct(canary.errorRate)} exceeds the stable’s ${pct(stable.errorRate)} by more than ${pct(judge.maxErrorRateOverStable)}`,
    );
  if (judge.maxP95RatioToStable !== undefined && canary.p95 > judge.maxP95RatioToStable * stable.p95)
    failures.push(`p95 ${msText(canary.p95)} > ${judge.maxP95RatioToStable} × the stable’s ${msText(stable.p95)}`);
  return { passed: failures.length === 0, reasons: failures, stable };
}
