import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { applyLabJson, deploy } from '../dockHelpers';
import { expect, openWorkbench, test } from '../fixtures';

/** Replace the experiment's JSON the way a person would and apply it. */
function applyJson(page: Page, text: string): Promise<void> {
  return applyLabJson(page, { editor: 'Experiment JSON editor', textbox: 'Experiment JSON' }, text);
}

test('a chaos experiment built with the form runs in simulation, reproduces its seed and swarms', async ({ page }) => {
  test.setTimeout(240_000);
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await deploy(page, 'Echo agent', 'echo-2');

  await page.getByRole('tab', { name: 'Chaos' }).click();
  const form = page.getByRole('form', { name: 'Experiment form' });
  await expect(form.getByRole('group', { name: 'Targets' }).getByRole('checkbox', { name: 'echo-2' })).toBeChecked({ timeout: 20_000 });
  await form.getByRole('textbox', { name: 'Name' }).fill('drop and kill');

  // Hypothesis: the default (no lost messages, success rate ≥ 0.99, no dead letters) and p95 < 50 ms.
  await expect(form.getByRole('checkbox', { name: 'No lost messages' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Success rate at least' })).toBeChecked();
  await expect(form.getByRole('spinbutton', { name: 'Success rate' })).toHaveValue('0.99');
  await expect(form.getByRole('checkbox', { name: 'Dead letters at most' })).toBeChecked();
  await expect(form.getByRole('spinbutton', { name: 'Dead letter limit' })).toHaveValue('0');
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
  const json = page.getByRole('group', { name: 'Experiment JSON editor' }).locator('.view-lines');
  await expect(json).toContainText(/"\$schema":\s"https:/, { timeout: 20_000 });
  await expect(json).toContainText(/"name":\s"drop\sand\skill"/);
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await expect(form.getByRole('group', { name: 'Fault 2 of phase 1' }).getByRole('combobox', { name: 'Fault kind' })).toHaveValue('kill');

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
  for (const w of ['before', 'during:phase 1', 'after'])
    await expect(verdicts.getByRole('columnheader', { name: new RegExp(`^${w}`) })).toBeVisible();
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
  await expect(results.getByRole('status', { name: 'Hash comparison' })).toHaveText('Same log hash: the two runs logged the same events');
  await expect(results.getByRole('list', { name: 'Checks that moved' })).toContainText('None');
  await expect(results.getByRole('table', { name: 'Probes by window, A versus B' })).toBeVisible();

  await results.getByRole('spinbutton', { name: 'Seeds' }).fill('5');
  await results.getByRole('button', { name: 'Run swarm' }).click();
  await expect(status).toContainText(/Swarm done: \d+ passed, \d+ failed of 5 seeds/, { timeout: 120_000 });
  const swarm = results.getByRole('region', { name: 'Swarm results' });
  await expect(swarm.getByRole('list', { name: 'Failing seeds' })).toBeVisible();
  await expect(swarm).toContainText('5 of 5 seeds');
  const seeds = swarm.getByRole('table', { name: 'Every seed' });
  for (let seed = 1; seed <= 5; seed++) await expect(seeds.getByLabel(`Log hash of seed ${seed}`)).toHaveText(/^[0-9a-f]{64}$/);
  await page.screenshot({ path: test.info().outputPath('chaos-swarm.png') });
});

test('a run where a fifth of the requests fail is FAIL by default; two identical swarms compare as identical', async ({ page }) => {
  test.setTimeout(240_000);
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await page.getByRole('tab', { name: 'Chaos' }).click();
  const form = page.getByRole('form', { name: 'Experiment form' });
  await expect(form).toBeVisible({ timeout: 20_000 });

  // The example names no hypothesis: the default one judges it.
  const example = JSON.parse(readFileSync('examples/lossy-default-hypothesis.experiment.json', 'utf8')) as object;
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  await applyJson(page, JSON.stringify(example));
  await expect(page.getByRole('list', { name: 'JSON problems' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await expect(form.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('lossy network, default hypothesis');
  await expect(form.getByRole('spinbutton', { name: 'Success rate' })).toHaveValue('0.99');

  const results = page.getByRole('region', { name: 'Experiment results' });
  await results.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(results.getByRole('status', { name: 'Experiment status' })).toContainText(/Run 1: hypothesis failed/, { timeout: 90_000 });
  const result = results.getByRole('region', { name: 'Result of run 1' });
  // About a fifth of the requests fail (the CLI runs the same seed: 221 requests, 47 failed).
  await expect(result).toContainText(/2\d\d requests · 1\d\d ok · [3-6]\d failed/);
  const verdicts = result.getByRole('table', { name: 'Hypothesis by window' });
  await expect(verdicts.getByRole('row', { name: /^success-rate/ })).toContainText(/FAIL 0\.\d+ \(≥ 0\.99\)/);
  await expect(verdicts.getByRole('row', { name: /^dead-letters/ })).toContainText(/FAIL \d+ \(≤ 0\)/);

  // Two swarms over the same seeds are the same runs, seed by seed.
  await results.getByRole('spinbutton', { name: 'Seeds' }).fill('2');
  for (let n = 0; n < 2; n++) {
    await results.getByRole('button', { name: 'Run swarm' }).click();
    await expect(results.getByRole('status', { name: 'Experiment status' })).toContainText('Swarm done: 0 passed, 2 failed of 2 seeds', {
      timeout: 120_000,
    });
  }
  await results.getByRole('button', { name: 'Compare' }).click();
  await results.getByRole('button', { name: 'Swarms' }).click();
  await expect(results.getByRole('status', { name: 'Hash comparison' })).toHaveText('Identical swarms: same seeds, same log hashes');
  await expect(results.getByRole('table', { name: 'Seeds, A versus B' }).getByRole('row')).toHaveCount(3);
});
