/**
 * What the canvas reads of the load lab (the `loadLab` slice, written by the Load tab): the
 * one place that knows the slice's shape, so the canvas's components do not.
 */
import { parseMetricKey } from '../../../experiments/load/metrics/metricKey';
import type { SeriesPoint } from '../../../experiments/load/metrics/timeSeries';
import type { CanaryView } from '../../../experiments/load/run/types';
import type { WorkbenchState } from '../../store/createWorkbenchStore';

export type { CanaryView };

type LabState = Pick<WorkbenchState, 'loadLab'>;

export const loadRunning = (s: LabState): boolean => s.loadLab.status === 'running';

/** Messages per second of run time on a link during a run (by link id; both ways together). */
export const linkLoadRate = (s: LabState, linkId: string): number => (loadRunning(s) ? (s.loadLab.linkLoad[linkId] ?? 0) : 0);

/** The canary release of the running (or last) run, if it has one. */
export const loadCanary = (s: LabState): CanaryView | undefined => s.loadLab.canary;

/** A scenario's virtual users: busy (running an iteration) and allocated. */
export interface ClientVus {
  busy: number;
  allocated: number;
}

const lastValue = (points: SeriesPoint[] | undefined): number | undefined => points?.[points.length - 1]?.values['value'];

// Every client node asks on every store update; the series object changes once a progress.
const scenariosBySeries = new WeakMap<Record<string, SeriesPoint[]>, string[]>();

/** Scenario names the run's series are tagged with (`vus{scenario:checkout}` → checkout). */
export function seriesScenarios(series: Record<string, SeriesPoint[]>): string[] {
  const known = scenariosBySeries.get(series);
  if (known) return known;
  const names = new Set<string>();
  for (const text of Object.keys(series)) {
    const parsed = parseMetricKey(text);
    const scenario = parsed.ok ? parsed.key.tags['scenario'] : undefined;
    if (scenario !== undefined) names.add(scenario);
  }
  const list = [...names];
  scenariosBySeries.set(series, list);
  return list;
}

/**
 * The scenario a client node sends for: the scenario of the same name (a scenario's client
 * is named after it unless the file says otherwise), or the one whose name it extends
 * (`checkout-3` of a scenario that spreads its VUs over `checkout-${vu}`).
 */
export function scenarioOfClient(client: string, scenarios: readonly string[]): string | undefined {
  if (scenarios.includes(client)) return client;
  return scenarios.filter((s) => client.startsWith(`${s}-`)).sort((a, b) => b.length - a.length)[0];
}

/**
 * A client node's virtual users while a run goes: its scenario's from the progress, else its `vus` / `vus_max` series,
 * or, when the series are not tagged by scenario and this is the only client on the canvas,
 * the run's totals. Undefined when no run goes or the client is not one of the run's.
 */
export function clientVus(s: Pick<WorkbenchState, 'loadLab' | 'plainOrder' | 'plainNodes'>, client: string): ClientVus | undefined {
  const { status, progress, series } = s.loadLab;
  if (status !== 'running' || !progress) return undefined;
  if (progress.scenarioVus) {
    const own = scenarioOfClient(client, Object.keys(progress.scenarioVus));
    const vus = own === undefined ? undefined : progress.scenarioVus[own];
    if (vus) return { busy: vus.vus, allocated: Math.max(vus.maxVUs, vus.vus) };
  }
  const scenario = scenarioOfClient(client, seriesScenarios(series));
  if (scenario !== undefined) {
    const busy = lastValue(series[`vus{scenario:${scenario}}`]);
    const allocated = lastValue(series[`vus_max{scenario:${scenario}}`]);
    if (busy !== undefined) return { busy, allocated: Math.max(allocated ?? busy, busy) };
  }
  const clients = s.plainOrder.filter((n) => s.plainNodes[n]?.kind === 'client');
  if (clients.length === 1 && clients[0] === client) return { busy: progress.vus, allocated: Math.max(progress.maxVUs, progress.vus) };
  return undefined;
}

/** "client checkout, 12 virtual users" while a load run drives it, else "client checkout" (as every node: "agent x", "topic y"). */
export function clientLabel(name: string, vus: ClientVus | undefined): string {
  if (!vus) return `client ${name}`;
  return `client ${name}, ${vus.busy} virtual user${vus.busy === 1 ? '' : 's'}`;
}
