import { expect, openWorkbench, test } from '../fixtures';

test('panels resize with the mouse and the keyboard', async ({ page }) => {
  await openWorkbench(page);
  const separator = page.getByRole('separator', { name: 'Resize palette' });
  const palette = page.getByRole('navigation', { name: 'Palette' });
  const before = Number(await separator.getAttribute('aria-valuenow'));
  const width = (await palette.boundingBox())!.width;

  // Drag the separator 80px to the right, like a person.
  const box = (await separator.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 80));
  expect(Math.round((await palette.boundingBox())!.width)).toBe(Math.round(width + 80));

  // Keyboard: focus the separator and press the arrow keys.
  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 80 - 16));

  const dock = page.getByRole('separator', { name: 'Resize dock' });
  const dockBefore = Number(await dock.getAttribute('aria-valuenow'));
  await dock.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await expect(dock).toHaveAttribute('aria-valuenow', String(dockBefore + 64));

  const inspector = page.getByRole('separator', { name: 'Resize inspector' });
  const inspectorBefore = Number(await inspector.getAttribute('aria-valuenow'));
  const ib = (await inspector.boundingBox())!;
  await page.mouse.move(ib.x + ib.width / 2, ib.y + 200);
  await page.mouse.down();
  await page.mouse.move(ib.x + ib.width / 2 - 60, ib.y + 200, { steps: 6 });
  await page.mouse.up();
  await expect(inspector).toHaveAttribute('aria-valuenow', String(inspectorBefore + 60));
});

test('the keyboard shortcuts dialog lists the registry, from "?" and from its button', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const label of ['Undo', 'Redo', 'Delete selection', 'Toggle theme', 'Group']) {
    await expect(dialog.getByRole('row').filter({ hasText: label }).first()).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
