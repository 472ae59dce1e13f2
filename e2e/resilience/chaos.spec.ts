import { deploy } from '../dockHelpers';
import { expect, openWorkbench, test } from '../fixtures';

test('a chaos experiment built with the form runs in simulation, reproduces its seed and swarms', async ({ page }) => {
  test.setTimeout(240_000);
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await deploy(page, 'Echo agent', 'echo-2');

  await page.getByRole('tab', { name: 'Chaos' }).click();
  const form = page.getByRole('form', { name: 'Experiment form' });
  await expect(form.getByRole('group', { name: 'Targets' }).getByRole('checkbox', { name: 'echo-2' })).toBeChecked({ timeout: 20_000 });
  await form.getByRole('textbox', { name: 'Name' }).fill('drop and kill');

  // Hypothesis: no lost messages (on by default) and p95 < 50 ms.
  await expect(form.getByRole('checkbox', { name: 'No lost messages' })).toBeChecked();
  await form.getByRole('checkbox', { name: 'p95 latency below' }).check();
  await form.getByRole('spinbutton', { name: 'p95 limit' }).fill('50');

  // One phase: drop on the workload's links, and a kill pulse on one echo at a time.
  await form.getByRole('button', { name: 'Add phase' }).click();
  const phase = form.getByRole('group', { name: 'Phase 1' });
  await phase.getByRole('button', { name: 'Add fault' }).click();
  const drop = phase.getByRole('group', { name: 'Fault 1 of phase 1' });
  await expect(drop.getByRole('combobox', { name: 'Fault kind' })).toHaveValue('drop');
  await drop.getByRole('spinbutton', { name: 'Probability' }).fill('0.2');
  await drop.getByRole('checkbox', { name: 'load--echo-1' }).check();
  await drop.getByRole('checkbox', { name: 'load--echo-2' }).check();
  await phase.getByRole('button', { name: 'Add fault' }).click();
  const kill = phase.getByRole('group', { name: 'Fault 2 of phase 1' });
  await kill.getByRole('combobox', { name: 'Fault kind' }).selectOption('kill');
  await kill.getByRole('checkbox', { name: 'echo-1' }).check();
  await kill.getByRole('checkbox', { name: 'echo-2' }).check();
  await kill.getByRole('checkbox', { name: 'Pulse' }).check();
  await kill.getByRole('spinbutton', { name: 'Every' }).fill('700');

  // The JSON view shows the same experiment.
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  const json = page.getByRole('textbox', { name: 'Experiment JSON' });
  await expect(json).toHaveValue(/"name": "drop and kill"/);
  await expect(json).toHaveValue(/"kind": "kill"/);
  await page.getByRole('button', { name: 'Form', exact: true }).click();

  const results = page.getByRole('region', { name: 'Experiment results' });
  const status = results.getByRole('status', { name: 'Experiment status' });
  await results.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status).toContainText(/Run 1: hypothesis (held|failed)/, { timeout: 90_000 });

  const result = results.getByRole('region', { name: 'Result of run 1' });
  const timeline = result.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('drop on load--echo-1, load--echo-2');
  await expect(timeline).toContainText(/kill on echo-\d/);
  await expect(timeline).toContainText('probe');
  const verdicts = result.getByRole('table', { name: 'Hypothesis by window' });
  for (const w of ['before', 'during:phase 1', 'after']) await expect(verdicts.getByRole('columnheader', { name: new RegExp(`^${w}`) })).toBeVisible();
  await expect(verdicts.getByRole('rowheader', { name: 'no-lost-messages' })).toBeVisible();
  await expect(verdicts.getByRole('rowheader', { name: 'latency' })).toBeVisible();
  await expect(result.getByRole('img', { name: /Throughput and p95 latency/ })).toBeVisible();
  const hash = await result.getByLabel('Log hash').textContent();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await expect(result.getByLabel('Seed')).toHaveText('1');

  await result.getByRole('button', { name: 'Re-run this seed' }).click();
  const rerun = results.getByRole('region', { name: 'Result of run 2' });
  await expect(rerun.getByRole('status')).toHaveText('same log hash as run 1', { timeout: 90_000 });
  await expect(rerun.getByLabel('Log hash')).toHaveText(hash!);
  await page.screenshot({ path: test.info().outputPath('chaos-result.png') });

  await results.getByRole('button', { name: 'Compare' }).click();
  await expect(results.getByRole('table', { name: 'Probes by window, A versus B' })).toBeVisible();

  await results.getByRole('spinbutton', { name: 'Seeds' }).fill('5');
  await results.getByRole('button', { name: 'Run swarm' }).click();
  await expect(status).toContainText(/Swarm done: \d+ passed, \d+ failed of 5 seeds/, { timeout: 120_000 });
  const swarm = results.getByRole('region', { name: 'Swarm results' });
  await expect(swarm.getByRole('list', { name: 'Failing seeds' })).toBeVisible();
  await expect(swarm).toContainText('5 of 5 seeds');
  await page.screenshot({ path: test.info().outputPath('chaos-swarm.png') });
});
