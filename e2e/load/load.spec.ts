import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { applyLabJson, deploy } from '../dockHelpers';
import { expect, openWorkbench, test } from '../fixtures';

/** A short open-model run against the echo agent on the canvas (no topology of its own). */
const SHORT_LIVE = {
  schema: 'orrery.load/1',
  name: 'short echo rate',
  seed: 3,
  scenarios: {
    steady: {
      executor: 'constant-arrival-rate',
      rate: 25,
      timeUnit: '1s',
      duration: '4s',
      preAllocatedVUs: 5,
      maxVUs: 20,
      target: 'echo-1',
      message: { performative: 'request', content: { n: '${scenarioIter}' } },
      mode: 'request',
      timeout: '2s',
    },
  },
  thresholds: { error_rate: ['rate<0.05'], latency: ['p(95)<1000'] },
};

/** Serious or critical axe violations in the Load tab, in the theme shown and then the other one. */
async function axeFindings(page: Page): Promise<string[]> {
  const findings: string[] = [];
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1) await page.getByRole('button', { name: 'Toggle theme' }).click();
    const theme = await page.locator('html').getAttribute('data-theme');
    const results = await new AxeBuilder({ page }).include('#dock-panel-load').analyze();
    for (const v of results.violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        findings.push(
          `[${theme}] ${v.id}: ${v.help} — ${v.nodes
            .slice(0, 5)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
        );
  }
  return findings;
}

/** Click a download button; the file's name and text. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

async function openLoadTab(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Load' }).click();
  const form = page.getByRole('form', { name: 'Load experiment form' });
  await expect(form).toBeVisible({ timeout: 20_000 });
  return form;
}

/** Open the JSON view, replace the file the way a person would and apply it. */
async function applyJson(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  await applyLabJson(page, { editor: 'Load JSON editor', textbox: 'Load experiment JSON' }, text);
}

test('a ready scenario runs in simulated time: progress, live charts and the threshold verdicts', async ({ page }) => {
  test.setTimeout(180_000);
  await openWorkbench(page);
  const form = await openLoadTab(page);

  await page.getByRole('combobox', { name: 'Ready scenario' }).selectOption({ label: '50 clients × 100 requests to an echo agent' });
  await page.getByRole('button', { name: 'Use scenario' }).click();
  await expect(form.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('50 clients × 100 requests to an echo agent');
  const scenario = form.getByRole('group', { name: 'Scenario echo' });
  await expect(scenario.getByRole('combobox', { name: 'Executor' })).toHaveValue('per-vu-iterations');
  await expect(scenario.getByRole('spinbutton', { name: 'VUs' })).toHaveValue('50');

  const results = page.getByRole('region', { name: 'Load results' });
  await expect(results.getByRole('combobox', { name: 'Mode' })).toHaveValue('simulation');
  await results.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = results.getByRole('progressbar', { name: 'Load progress' });
  await expect(progress).toBeVisible();

  const status = results.getByRole('status', { name: 'Load status' });
  await expect(status).toContainText('passed: 5000 sent, 5000 ok, 0 errors, 0 dropped · simulation, seed 1', { timeout: 120_000 });
  await expect(progress).toHaveAttribute('aria-valuenow', '100');

  const charts = results.getByRole('region', { name: 'Live charts' });
  await expect(charts.getByRole('img', { name: /^Requests per second over \d+(\.\d)? s: requests latest/ })).toBeVisible();
  await expect(charts.getByRole('img', { name: /^Latency over .*p95 latest/ })).toBeVisible();

  const verdicts = results.getByRole('table', { name: 'Threshold verdicts' });
  await expect(verdicts.getByRole('row', { name: /^error_rate rate<0\.05 0\.00% ✓ passed$/ })).toBeVisible();
  await expect(verdicts.getByRole('row', { name: /^latency avg<100 [\d.]+ms ✓ passed$/ })).toBeVisible();

  const summary = results.getByRole('region', { name: 'End-of-test summary' });
  await expect(summary.getByLabel('Summary text')).toContainText('THRESHOLDS');
  await expect(summary.getByLabel('Log hash')).toHaveText(/^[0-9a-f]{64}$/);
  const html = await downloaded(page, summary.getByRole('button', { name: 'Download HTML report' }));
  expect(html.name).toMatch(/-report\.html$/);
  expect(html.text).toContain('<svg');
  const exported = await downloaded(page, summary.getByRole('button', { name: 'Download summary JSON' }));
  expect(exported.name).toMatch(/-summary\.json$/);
  expect(JSON.parse(exported.text)).toMatchObject({ root_group: {}, metrics: { requests: { count: 5000 } } });
  await page.getByRole('button', { name: 'Maximise dock' }).click();
  await page.screenshot({ path: test.info().outputPath('load-simulation.png'), fullPage: true });
  expect(await axeFindings(page)).toEqual([]);
});

test('a live run against real agents finishes; saved as a baseline, the next run is compared with it', async ({ page }) => {
  test.setTimeout(180_000);
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  const form = await openLoadTab(page);
  await applyJson(page, JSON.stringify(SHORT_LIVE));
  await expect(page.getByRole('list', { name: 'JSON problems' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await expect(form.getByRole('group', { name: 'Scenario steady' }).getByRole('combobox', { name: 'Executor' })).toHaveValue(
    'constant-arrival-rate',
  );

  const results = page.getByRole('region', { name: 'Load results' });
  await results.getByRole('combobox', { name: 'Mode' }).selectOption('live');
  await results.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = results.getByRole('progressbar', { name: 'Load progress' });
  // Real time: the bar is seen part way, with the time left.
  await expect(progress).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
  await expect(progress).toHaveAttribute('aria-valuetext', /left$/);
  const status = results.getByRole('status', { name: 'Load status' });
  await expect(status).toContainText(/“short echo rate” passed: 100 sent, 100 ok, 0 errors, 0 dropped · live, seed 3/, { timeout: 60_000 });
  await expect(
    results.getByRole('table', { name: 'Threshold verdicts' }).getByRole('row', { name: /^error_rate .*✓ passed$/ }),
  ).toBeVisible();

  const baselines = results.getByRole('region', { name: 'Baselines' });
  await baselines.getByRole('textbox', { name: 'Baseline name' }).fill('first live run');
  await baselines.getByRole('button', { name: 'Save as baseline' }).click();
  await expect(baselines.getByRole('status').filter({ hasText: 'Saved as baseline “first live run”.' })).toBeVisible();

  await results.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status).toContainText(/^Running/);
  await expect(status).toContainText(/passed: 100 sent/, { timeout: 60_000 });
  const again = results.getByRole('region', { name: 'Baselines' });
  await expect(again.getByRole('combobox', { name: 'Compare with baseline' })).toHaveValue('first live run');
  await expect(again.getByRole('status', { name: 'Baseline verdict' })).toContainText(/beyond 10 % against “first live run”/);
  const comparison = again.getByRole('table', { name: 'Comparison with baseline' });
  await expect(comparison.getByRole('row', { name: /^latency p\(95\) / })).toBeVisible();
  await expect(comparison.getByRole('row', { name: /^requests rate / })).toBeVisible();
  await page.getByRole('button', { name: 'Maximise dock' }).click();
  await page.screenshot({ path: test.info().outputPath('load-live-baseline.png'), fullPage: true });
});

test('a bad file is refused with the field it names, and nothing runs', async ({ page }) => {
  test.setTimeout(90_000);
  await openWorkbench(page);
  await openLoadTab(page);
  const bad = { ...SHORT_LIVE, scenarios: { steady: { ...SHORT_LIVE.scenarios.steady, executor: 'constant-rate' } } };
  await applyJson(page, JSON.stringify(bad));
  const problems = page.getByRole('list', { name: 'JSON problems' });
  await expect(problems).toContainText('experiment.scenarios.steady.executor: expected one of');
  await expect(problems).toContainText('received string "constant-rate"');

  // The form builds a file with a negative duration: Run says which field, and no run starts.
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  const form = page.getByRole('form', { name: 'Load experiment form' });
  await form.getByRole('group', { name: 'Scenario default' }).getByRole('textbox', { name: 'Duration' }).fill('-2s');
  await expect(page.getByRole('list', { name: 'Form problems' })).toContainText(
    'experiment.scenarios.default.duration: expected a duration',
  );
  const results = page.getByRole('region', { name: 'Load results' });
  await results.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(results.getByRole('list', { name: 'Load problems' })).toContainText('experiment.scenarios.default.duration');
  await expect(results.getByRole('status', { name: 'Load status' })).toHaveText('The load file is not valid: nothing ran.');
  await expect(results.getByRole('progressbar')).toHaveCount(0);
});

test('Stop and Abort end a live run early; the run still reports its figures', async ({ page }) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await openLoadTab(page);
  const long = { ...SHORT_LIVE, name: 'long echo rate', scenarios: { steady: { ...SHORT_LIVE.scenarios.steady, duration: '5m' } } };
  await applyJson(page, JSON.stringify(long));
  const results = page.getByRole('region', { name: 'Load results' });
  await results.getByRole('combobox', { name: 'Mode' }).selectOption('live');
  await results.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = results.getByRole('progressbar', { name: 'Load progress' });
  await expect(progress).toHaveAttribute('aria-valuetext', /^\d+ %, 4m\d+s left$/);
  await results.getByRole('button', { name: 'Stop', exact: true }).click();
  const status = results.getByRole('status', { name: 'Load status' });
  await expect(status).toContainText(/“long echo rate” passed \(stopped\): \d+ sent, \d+ ok, 0 errors, 0 dropped · live/, {
    timeout: 30_000,
  });
  await expect(results.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await expect(results.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();

  // Abort interrupts what is in flight; the run still ends with its figures.
  await results.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(progress).toHaveAttribute('aria-valuetext', /^\d+ %, 4m\d+s left$/);
  await results.getByRole('button', { name: 'Abort', exact: true }).click();
  await expect(status).toContainText(/“long echo rate” passed \(aborted\): \d+ sent/, { timeout: 30_000 });
});

test('the ready canary scenario rolls back in simulated time and the tab says why', async ({ page }) => {
  test.setTimeout(180_000);
  await openWorkbench(page);
  await openLoadTab(page);
  await page.getByRole('combobox', { name: 'Ready scenario' }).selectOption({ label: 'a canary that rolls back' });
  await page.getByRole('button', { name: 'Use scenario' }).click();
  const results = page.getByRole('region', { name: 'Load results' });
  await results.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(results.getByRole('status', { name: 'Load status' })).toContainText('“a canary that rolls back” passed', {
    timeout: 150_000,
  });
  const canary = results.getByRole('region', { name: 'Canary release' });
  await expect(canary).toContainText('Canary echo-1-next beside echo-1: rolled back');
  await expect(canary.getByRole('list', { name: 'Canary stages judged' }).getByRole('listitem').first()).toContainText('✗ stage 1 at 5 %');
  // The stages are on the charts' time axis, and listed.
  await expect(results.getByRole('list', { name: 'Events on the time axis' })).toContainText('canary stage 1');
  await page.getByRole('button', { name: 'Maximise dock' }).click();
  await page.screenshot({ path: test.info().outputPath('load-canary.png'), fullPage: true });
});

test('a slower version against a saved baseline: the same seed compares equal, a slower agent is flagged as a regression', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openWorkbench(page);
  await openLoadTab(page);
  const file = (agentMs: number) => ({
    ...SHORT_LIVE,
    name: 'baseline check',
    topology: { agents: [{ name: 'echo-1', kind: 'echo' }] },
    latency: { link: { distribution: 'fixed', ms: 1 }, agent: { distribution: 'fixed', ms: agentMs } },
  });
  const results = page.getByRole('region', { name: 'Load results' });
  const status = results.getByRole('status', { name: 'Load status' });
  const run = async (agentMs: number) => {
    await applyJson(page, JSON.stringify(file(agentMs)));
    await expect(page.getByRole('list', { name: 'JSON problems' })).toHaveCount(0);
    await results.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(status).toContainText(/^“baseline check” passed: 100 sent/, { timeout: 90_000 });
  };

  await run(2);
  const baselines = results.getByRole('region', { name: 'Baselines' });
  await baselines.getByRole('textbox', { name: 'Baseline name' }).fill('agent at 2 ms');
  await baselines.getByRole('button', { name: 'Save as baseline' }).click();
  await expect(baselines.getByRole('status').filter({ hasText: 'Saved as baseline “agent at 2 ms”.' })).toBeVisible();

  // The same file and seed in simulated time: the same figures.
  await run(2);
  const again = results.getByRole('region', { name: 'Baselines' });
  await expect(again.getByRole('status', { name: 'Baseline verdict' })).toHaveText('No regressions beyond 10 % against “agent at 2 ms”.');
  await expect(again.getByRole('table', { name: 'Comparison with baseline' }).getByRole('row', { name: /^latency avg / })).toContainText(
    'no change',
  );

  await run(8);
  const verdict = results.getByRole('region', { name: 'Baselines' }).getByRole('status', { name: 'Baseline verdict' });
  await expect(verdict).toContainText(/^\d+ regressions? beyond 10 % against “agent at 2 ms”: .*latency avg/);
  const comparison = results.getByRole('table', { name: 'Comparison with baseline' });
  await expect(comparison.getByRole('row', { name: /^latency avg \S+ \S+ \+\d+(\.\d)? % ✗ regression$/ })).toBeVisible();
  await expect(comparison.getByRole('row', { name: /^requests rate / })).not.toContainText('regression');
});

test('a load experiment saved to the workspace is still there after a reload (orrery run finds it in the file)', async ({ page }) => {
  await openWorkbench(page);
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved', { timeout: 15_000 });
  await page.getByRole('tab', { name: 'Load' }).click();
  const gallery = page.getByRole('group', { name: 'Ready scenarios' });
  await gallery.getByRole('combobox', { name: 'Ready scenario' }).selectOption({ index: 1 });
  const name = await gallery
    .getByRole('combobox', { name: 'Ready scenario' })
    .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.text);
  await gallery.getByRole('button', { name: 'Use scenario' }).click();
  const saved = page.getByRole('group', { name: 'Saved in workspace' });
  await expect(saved.getByRole('combobox', { name: 'Saved load experiment' })).toHaveCount(0);
  await saved.getByRole('button', { name: 'Save to workspace' }).click();
  await expect(saved.getByRole('combobox', { name: 'Saved load experiment' })).toHaveValue(name);
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved', { timeout: 15_000 });

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Load' }).click();
  const after = page.getByRole('group', { name: 'Saved in workspace' });
  await expect(after.getByRole('combobox', { name: 'Saved load experiment' })).toHaveValue(name, { timeout: 15_000 });
  await after.getByRole('button', { name: 'Open saved' }).click();
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Load experiment editor' })).toContainText(name);
});
