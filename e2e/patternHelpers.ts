import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Load a scenario from the pattern gallery; `replace` confirms replacing the canvas. */
export async function loadPattern(page: Page, title: string, replace: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Patterns', exact: true }).click();
  const gallery = page.getByRole('dialog', { name: 'Pattern gallery' });
  await expect(gallery).toBeVisible();
  await expect(gallery.getByRole('button', { name: /^Load / })).toHaveCount(10);
  await gallery.getByRole('button', { name: `Load ${title}`, exact: true }).click();
  if (replace) {
    const confirm = page.getByRole('alertdialog', { name: `Replace the canvas with ${title}?` });
    await confirm.getByRole('button', { name: 'Replace' }).click();
  }
  await expect(gallery).toBeHidden();
  await expect(page.getByRole('region', { name: 'Pattern run' })).toContainText(title);
}
