import { agentNode, expect, openWorkbench, test } from '../fixtures';
import { canvas, deployByClick, shiftClick, wire } from './helpers';

test('multi-select, delete, undo and redo', async ({ page }) => {
  await openWorkbench(page);
  const echo = await deployByClick(page, 'Echo agent', 'echo-1');
  const counter = await deployByClick(page, 'Counter agent', 'counter-1');
  const text = await deployByClick(page, 'Text agent', 'text-1');
  await wire(page, echo, counter);
  const link = page.getByRole('group', { name: 'link echo-1 to counter-1' });
  await expect(link).toBeAttached();

  // Shift-click two nodes: both selected.
  await echo.locator('.agent-node-name').click();
  await shiftClick(page, counter);
  await expect(page.getByRole('complementary', { name: /Inspector/ })).toContainText('2 selected');

  await page.keyboard.press('Delete');
  await expect(echo).toHaveCount(0);
  await expect(counter).toHaveCount(0);
  await expect(link).toHaveCount(0);
  await expect(text).toBeVisible();

  // Undo brings both back, with their link and where they were.
  await page.keyboard.press('Control+Z');
  await expect(agentNode(page, 'echo-1')).toContainText('running', { timeout: 20_000 });
  await expect(agentNode(page, 'counter-1')).toContainText('running', { timeout: 20_000 });
  await expect(link).toBeAttached();

  // Redo removes them again; the buttons do the same as the keys.
  await page.keyboard.press('Control+Shift+Z');
  await expect(agentNode(page, 'echo-1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(agentNode(page, 'echo-1')).toContainText('running', { timeout: 20_000 });
  await expect(link).toBeAttached();

  // Undo the link, then the deploys, one by one (every canvas edit is undoable).
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(link).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(agentNode(page, 'text-1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(agentNode(page, 'text-1')).toContainText('running', { timeout: 20_000 });
});

test('box selection with Shift+drag, and moves are undoable', async ({ page }) => {
  await openWorkbench(page);
  const echo = await deployByClick(page, 'Echo agent', 'echo-1');
  const counter = await deployByClick(page, 'Counter agent', 'counter-1');
  const a = (await echo.boundingBox())!;
  const b = (await counter.boundingBox())!;
  const area = (await canvas(page).boundingBox())!;

  // Shift+drag a box around both nodes on the empty canvas.
  await page.keyboard.down('Shift');
  await page.mouse.move(Math.max(area.x + 5, a.x - 20), Math.max(area.y + 50, a.y - 20));
  await page.mouse.down();
  await page.mouse.move(b.x + b.width + 20, Math.max(a.y + a.height, b.y + b.height) + 20, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.getByRole('complementary', { name: /Inspector/ })).toContainText('2 selected');

  // Move one node by dragging it; Undo puts it back.
  const before = (await echo.boundingBox())!;
  await page.mouse.move(before.x + 40, before.y + 12);
  await page.mouse.down();
  await page.mouse.move(before.x + 40, before.y + 212, { steps: 10 });
  await page.mouse.up();
  const moved = (await echo.boundingBox())!;
  expect(moved.y - before.y).toBeGreaterThan(150);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(async () => Math.round((await echo.boundingBox())!.y)).toBe(Math.round(before.y));
});
