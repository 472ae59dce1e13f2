import type { Page } from '@playwright/test';
import { agentNode, expect, openWorkbench, test } from '../fixtures';
import { deployByClick } from '../canvas/helpers';
import { openWorkspaces } from '../workspaceHelpers';

/** Drag a node by its name by (dx, dy) screen pixels; returns when the pointer is released. */
async function dragNode(page: Page, name: string, dx: number, dy: number): Promise<void> {
  const box = (await agentNode(page, name).locator('.agent-node-name').boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 10 + dx, box.y + box.height / 2 + dy, { steps: 8 });
  await page.mouse.up();
}

// Two cold starts of the workers per test: on a busy two-core machine each can take a while.
test.describe.configure({ timeout: 180_000 });

test('an edit made just before a reload is there after it (reload within 100 ms)', async ({ page }) => {
  await openWorkbench(page);
  await deployByClick(page, 'Echo agent', 'echo-1');
  // Let the deployment itself be saved, so that what is tested is the last edit only.
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved', { timeout: 15_000 });

  await dragNode(page, 'echo-1', 160, 120);
  const moved = (await agentNode(page, 'echo-1').boundingBox())!;
  const released = Date.now();
  // No waiting for autosave (500 ms debounce): the page hide must carry the edit.
  const reloading = page.reload();
  expect(Date.now() - released).toBeLessThan(100);
  await reloading;

  const node = agentNode(page, 'echo-1');
  await expect(node).toBeVisible({ timeout: 5_000 });
  // Drawn from the saved file where it was moved to, before the workers are up.
  const drawn = (await node.boundingBox())!;
  expect(Math.abs(drawn.x - moved.x)).toBeLessThan(3);
  expect(Math.abs(drawn.y - moved.y)).toBeLessThan(3);
  await expect(node).toContainText('running', { timeout: 120_000 });
  const after = (await node.boundingBox())!;
  expect(Math.abs(after.x - moved.x)).toBeLessThan(3);
  expect(Math.abs(after.y - moved.y)).toBeLessThan(3);
});

test('a rename made just before a reload is kept', async ({ page }) => {
  await openWorkbench(page);
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved', { timeout: 15_000 });
  const panel = await openWorkspaces(page);
  const name = panel.getByLabel('Workspace name');
  await name.fill('Kept on reload');
  await name.press('Enter');
  await expect(page.getByLabel('Current workspace')).toHaveText('Kept on reload');
  await page.reload();
  await expect(page.getByLabel('Current workspace')).toHaveText('Kept on reload', { timeout: 15_000 });
});

test('a reload draws the saved workspace at once and says agents are starting', async ({ page }) => {
  await openWorkbench(page);
  await deployByClick(page, 'Echo agent', 'echo-1');
  await deployByClick(page, 'Counter agent', 'counter-1');
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved', { timeout: 15_000 });

  // Record, from the first paint on, when the saved node shows and when it runs.
  await page.addInitScript(() => {
    const seen: Record<string, number> = {};
    Object.assign(globalThis, { __seen: seen });
    const check = () => {
      const node = document.querySelector('[aria-label="agent counter-1"]');
      if (node && seen.node === undefined) seen.node = performance.now();
      if (node?.textContent?.includes('running') && seen.running === undefined) seen.running = performance.now();
      if (document.querySelector('[aria-label="Starting agents"]') && seen.starting === undefined) seen.starting = performance.now();
      if (document.body?.textContent?.includes('Kernel ready') && seen.kernel === undefined) seen.kernel = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await expect(agentNode(page, 'counter-1')).toContainText('running', { timeout: 120_000 });
  await expect(agentNode(page, 'echo-1')).toContainText('running');
  const seen = await page.evaluate(() => (globalThis as unknown as { __seen: Record<string, number> }).__seen);
  expect(seen.starting, 'a "Starting agents" status was shown').toBeDefined();
  expect(seen.node, 'the saved node was drawn').toBeDefined();
  expect(seen.node!).toBeLessThan(seen.running!);
  // Drawn before the kernel was even connected: the canvas is never blank while workers start.
  expect(seen.node!).toBeLessThan(seen.kernel!);
  test.info().annotations.push({ type: 'timing', description: JSON.stringify(seen) });
  // Nothing is left of the starting state once the agents run.
  await expect(page.getByRole('status', { name: 'Starting agents' })).toHaveCount(0);
});
