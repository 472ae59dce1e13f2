/**
 * What a link shows of its traffic, from the store: which ways it flows, msgs/s, its load
 * step while a load run goes, and the half of a canary split it carries.
 */
import { formatRate } from '../../store/rates';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { splitRoleOfLink, splitText, type CanaryRole } from './canaryDisplay';
import { linkLoadRate, loadCanary, loadRunning } from './loadLabView';
import { loadStep, type LoadStep } from './loadScale';

export type LinkFlowInput = Pick<WorkbenchState, 'rates' | 'plainNodes' | 'loadLab'>;

/** What a link shows of its traffic: which ways it flows, the total as text, its load step during a load run, its canary share. */
export interface Flow {
  toB: boolean;
  toA: boolean;
  label: string;
  step: LoadStep;
  /** The half of a canary split the link carries (from a client to the stable or the canary agent). */
  role: CanaryRole | undefined;
  /** "canary 25 %" on such a link, else ''. */
  split: string;
}
export const sameFlow = (a: Flow, b: Flow) =>
  a.toB === b.toB && a.toA === b.toA && a.label === b.label && a.step === b.step && a.role === b.role && a.split === b.split;

/**
 * A link's traffic from the sampled rates (useFlowRates) and, while a load run goes, the
 * run's own per-link rate (a simulated run's messages never cross the canvas's kernel):
 * the larger of the two sets the load step.
 */
export function flowOf(s: LinkFlowInput, id: string, ends: { a: string; b: string }): Flow {
  const toB = s.rates.links[`${id}>`] ?? 0;
  const toA = s.rates.links[`${id}<`] ?? 0;
  const running = loadRunning(s);
  const rate = running ? Math.max(toB + toA, linkLoadRate(s, id)) : toB + toA;
  const canary = loadCanary(s);
  const role = splitRoleOfLink(canary, ends, (n) => s.plainNodes[n]?.kind === 'client');
  return {
    toB: toB > 0,
    toA: toA > 0,
    label: rate > 0 ? `${formatRate(rate)} msg/s` : '',
    step: running ? loadStep(rate) : 0,
    role,
    split: canary && role ? splitText(canary, role) : '',
  };
}
