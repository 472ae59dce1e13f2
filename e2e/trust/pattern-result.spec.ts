import { expect, openWorkbench, test } from '../fixtures';
import { loadPattern } from '../patternHelpers';

test('a pattern run shows live traffic, then a readable result with checks and a way to its sequence', async ({ page }) => {
  await openWorkbench(page);
  await loadPattern(page, 'Contract net', false);
  // Record what the live traffic line showed while the run went on.
  await page.evaluate(() => {
    const shown: string[] = [];
    Object.assign(globalThis, { __traffic: shown });
    new MutationObserver(() => {
      const text = document.querySelector('[aria-label="Run traffic"]')?.textContent;
      if (text) shown.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const bar = page.getByRole('region', { name: 'Pattern run' });
  await bar.getByRole('button', { name: 'Run', exact: true }).click();
  const outcome = page.getByRole('status', { name: 'Run outcome' });
  await expect(outcome).toHaveText(/^passed/, { timeout: 30_000 });
  const traffic = await page.evaluate(() => (globalThis as unknown as { __traffic: string[] }).__traffic);
  expect(
    traffic.some((t) => /^[1-9]\d* messages? · [\d.]+ msg\/s$/.test(t)),
    traffic.join(' | '),
  ).toBe(true);

  const result = page.getByRole('region', { name: 'Run result' });
  await expect(result).toContainText('PASS');
  const checks = result.getByRole('list', { name: 'Checks' }).getByRole('listitem');
  await expect(checks.first()).toContainText('A report from manager');
  await expect(checks.filter({ hasText: 'content.winner' })).toContainText('expected "worker-2", received "worker-2"');
  await expect(result.getByRole('list', { name: 'Report' })).toContainText('winner: "worker-2"');
  await expect(outcome).toContainText(/\d+ of \d+ checks passed/);

  await result.getByRole('button', { name: 'Show in sequence' }).click();
  await expect(page.getByRole('tab', { name: 'Sequence' })).toHaveAttribute('aria-selected', 'true');
  const details = page.getByRole('dialog', { name: 'Message details' });
  await expect(details).toContainText('manager');
  await expect(details).toContainText('worker-2');

  await result.getByRole('button', { name: 'Close run result' }).click();
  await expect(result).toBeHidden();
  await bar.getByRole('button', { name: 'Show result' }).click();
  await expect(result).toBeVisible();
});
