import { agentNode, expect, openWorkbench, test } from './fixtures';

test('dragging from one agent handle to another links them', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: 'Echo agent', exact: true }).click();
  await page.getByRole('button', { name: 'Counter agent', exact: true }).click();
  const echo = agentNode(page, 'echo-1');
  const counter = agentNode(page, 'counter-1');
  await expect(echo).toContainText('running', { timeout: 20_000 });
  await expect(counter).toContainText('running', { timeout: 20_000 });

  const from = await echo.locator('.react-flow__handle.source').boundingBox();
  const to = await counter.locator('.react-flow__handle.target').boundingBox();
  if (!from || !to) throw new Error('handles are not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();

  // A straight edge has a zero-height box, so "visible" does not apply; it must exist.
  await expect(page.getByRole('group', { name: 'link echo-1 to counter-1' })).toBeAttached();
  await expect(page.getByRole('banner')).toContainText('1 link');
});
