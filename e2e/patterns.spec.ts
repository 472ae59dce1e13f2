import { agentNode, expect, openWorkbench, test } from './fixtures';
import type { Page } from '@playwright/test';
import { loadPattern } from './patternHelpers';

async function run(page: Page) {
  const outcome = page.getByRole('status', { name: 'Run outcome' });
  await page.getByRole('region', { name: 'Pattern run' }).getByRole('button', { name: 'Run' }).click();
  await expect(outcome).toHaveText(/^(passed|failed)/, { timeout: 30_000 });
  return outcome;
}

test('contract net: load, run, the cheapest worker wins; then pipeline replaces it', async ({ page }) => {
  await openWorkbench(page);
  await loadPattern(page, 'Contract net', false);
  for (const name of ['manager', 'worker-1', 'worker-2', 'worker-3']) {
    await expect(agentNode(page, name)).toContainText('running', { timeout: 20_000 });
  }
  await expect(page.getByRole('banner')).toContainText('3 links');
  await page.screenshot({ path: test.info().outputPath('contract-net.png') });
  const outcome = await run(page);
  await expect(outcome).toHaveText(/^passed/);
  const report = page.getByRole('region', { name: 'Run result' }).getByRole('list', { name: 'Report' });
  await expect(report).toContainText('winner: "worker-2"');
  await expect(report).toContainText('task: "done"');
  await page.screenshot({ path: test.info().outputPath('contract-net-run.png') });

  await loadPattern(page, 'Pipeline', true);
  await expect(agentNode(page, 'manager')).toHaveCount(0);
  for (const name of ['stage-1', 'stage-2', 'stage-3', 'stage-4', 'sink']) {
    await expect(agentNode(page, name)).toBeVisible({ timeout: 20_000 });
  }
  const piped = await run(page);
  await expect(piped).toHaveText(/^passed/);
  await expect(page.getByRole('region', { name: 'Run result' }).getByRole('list', { name: 'Report' })).toContainText('result: "DESSERTS!"');
});

/** A line of each pattern's report, as the run result lists it (`key: value`, the value as JSON). */
const OTHERS: [string, string][] = [
  ['Request-response', '"result":42'],
  ['Fire-and-forget', 'received: 3'],
  ['Query', '"value":42'],
  ['Publish-subscribe', 'delivered: 6'],
  ['English auction', 'winner: "bidder-2"'],
  ['Blackboard', 'pattern: "blackboard"'],
  ['Scatter-gather', 'best: {"from":"shop-b","value":9.99}'],
  ['Saga with compensation', 'compensated: ["book-hotel","book-flight"]'],
];

test('the other eight patterns run and pass', async ({ page }) => {
  test.setTimeout(240_000);
  await openWorkbench(page);
  for (const [i, [title, evidence]] of OTHERS.entries()) {
    await loadPattern(page, title, i > 0);
    const outcome = await run(page);
    await expect(outcome, title).toHaveText(/^passed/);
    await expect(page.getByRole('region', { name: 'Run result' }).getByRole('list', { name: 'Report' }), title).toContainText(evidence);
  }
});
