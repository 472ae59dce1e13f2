/**
 * Before the load starts: the experiment's topology (the chaos runner's `build`), the hooks'
 * setup commands (a canary's deployment), then a wait until every agent they deploy runs;
 * and the run's metric registry, with the sub-metrics its thresholds read.
 */
import type { Command } from '../../../kernel/types';
import { build, ExperimentSetupError } from '../../chaos/runExperiment';
import type { ExperimentShell } from '../../ExperimentShell';
import type { LoadExperiment } from '../experiment/types';
import { createMetricRegistry, type MetricRegistry } from '../metrics/createMetricRegistry';
import { LOAD_METRICS } from '../metrics/loadMetrics';
import { watchThresholdMetrics } from '../thresholds/evaluateThresholds';
import type { LoadRunHooks } from './types';

const SETUP_TIMEOUT_MS = 10_000;
const POLL_MS = 5;

export async function setUpLoad(shell: ExperimentShell, experiment: LoadExperiment, hooks: LoadRunHooks): Promise<void> {
  if (experiment.topology) build(shell, experiment.topology);
  const commands = hooks.setup?.() ?? [];
  const problems: string[] = [];
  commands.forEach((command, i) => {
    const { error } = shell.command(command);
    if (error) problems.push(`setup[${i}] (${command.type}): ${error.code}: ${error.message}`);
  });
  if (problems.length > 0) throw new ExperimentSetupError(problems);
  await waitRunning(shell, [...(experiment.topology?.agents ?? []).map((a) => a.name), ...deployed(commands)]);
}

function deployed(commands: readonly Command[]): string[] {
  return commands.flatMap((c) => (c.type === 'agent.deploy' ? [c.spec.name] : []));
}

/** Until every named agent runs, or has settled otherwise (failed, stopped): the run goes on and counts its errors. */
async function waitRunning(shell: ExperimentShell, names: readonly string[]): Promise<void> {
  const deadline = shell.now() + SETUP_TIMEOUT_MS;
  while (shell.now() < deadline) {
    const status = new Map(shell.snapshot().agents.map((a) => [a.name, a.status]));
    const waiting = names.some((n) => {
      const s = status.get(n);
      return s === 'loading' || s === 'restarting';
    });
    if (!waiting) return;
    await shell.advanceTo(shell.now() + POLL_MS);
  }
}

/**
 * The run's registry, with a time series for every breakdown. Per-client sub-metrics only when the clients are named in full (no
 * `${vu}`): one per VU would be thousands of histograms.
 */
export function createLoadRegistry(experiment: LoadExperiment): MetricRegistry {
  const perVuClients = Object.values(experiment.scenarios).some((s) => s.client.includes('${'));
  const breakdownTags = perVuClients ? ['scenario', 'agent', 'link', 'kind'] : ['scenario', 'client', 'agent', 'link', 'kind'];
  // A series for every breakdown: charts narrow to one scenario, client, agent or link.
  const registry = createMetricRegistry(LOAD_METRICS, { breakdownTags, seriesTags: breakdownTags });
  watchThresholdMetrics(registry, experiment.thresholds);
  return registry;
}
