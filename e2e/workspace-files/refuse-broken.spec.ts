import type { Page } from '@playwright/test';
import { agentNode, expect, openWorkbench, test } from '../fixtures';
import { brokenLinksWorkspace } from '../fixtures/brokenWorkspace';
import { expectSaved, openWorkspaces } from '../workspaceHelpers';

/**
 * From the moment the page sees the chosen file to the first frame painted after the
 * refusal is in the DOM, measured in the page (the file's trip from the test runner to the
 * browser is not the page's work).
 */
async function armRefusalClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { refusalMs?: Promise<number> };
    w.refusalMs = new Promise<number>((resolve) => {
      document.addEventListener(
        'change',
        () => {
          const start = performance.now();
          const seen = () => [...document.querySelectorAll('[role="alert"]')].some((el) => el.textContent?.includes('was not imported'));
          const observer = new MutationObserver(() => {
            if (!seen()) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        },
        { capture: true, once: true },
      );
    });
  });
}

test('a workspace with 20,000 broken links is refused within a second, with a capped list, and nothing changes', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: 'Echo agent', exact: true }).click();
  await expect(agentNode(page, 'echo-1')).toContainText('running', { timeout: 20_000 });
  await expectSaved(page, { name: 'Workspace 1', agents: ['echo-1'] });

  const text = brokenLinksWorkspace(20_000);
  expect(text.length).toBeGreaterThan(500_000);
  const panel = await openWorkspaces(page);
  await armRefusalClock(page);
  await panel
    .getByLabel('Import workspace…')
    .setInputFiles({ name: 'broken-links.json', mimeType: 'application/json', buffer: Buffer.from(text) });

  const alert = page.getByRole('alert').filter({ hasText: 'broken-links.json was not imported' });
  await expect(alert).toBeVisible();
  const refusalMs = await page.evaluate(() => (window as unknown as { refusalMs: Promise<number> }).refusalMs);
  test.info().annotations.push({ type: 'refusal', description: `${Math.round(refusalMs)} ms from file chosen to refusal painted` });
  expect(refusalMs).toBeLessThan(1_000);

  const problems = alert.getByRole('list', { name: 'Problems' }).getByRole('listitem');
  await expect(problems).toHaveCount(51);
  await expect(problems.first()).toHaveText('ORR207 links[0].a: expected the name of a node in nodes[], received "ghost-0"');
  await expect(problems.last()).toHaveText(
    /^ORR212 \(root\): expected at most 50 problems, received 1000 or more .*checking stopped there\)$/,
  );
  await page.screenshot({ path: test.info().outputPath('refused.png') });

  // Untouched: same workspace, same agent, nothing new in the list or in storage.
  await expect(page.getByLabel('Current workspace')).toHaveText('Workspace 1');
  await expect(agentNode(page, 'echo-1')).toContainText('running');
  await expect(panel.getByRole('button', { name: /^Open workspace/ })).toHaveCount(1);
  await expectSaved(page, { name: 'Workspace 1', agents: ['echo-1'], links: [] });
});
