import type { Page } from '@playwright/test';
import { agentNode, expect, messageLog } from './fixtures';

/** Deploy a built-in agent by clicking its palette item and wait until it runs. */
export async function deploy(page: Page, label: string, name: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(agentNode(page, name)).toContainText('running', { timeout: 20_000 });
}

/** Focus the composer and replace its text, leaving the caret at the end. */
export async function typeInComposer(page: Page, text: string): Promise<void> {
  await page.getByRole('tab', { name: 'Composer' }).click();
  const surface = page.getByRole('group', { name: 'Message editor' });
  const input = page.getByRole('textbox', { name: /Message composer/ });
  await expect(input).toBeAttached({ timeout: 20_000 });
  await surface.click();
  await expect(input).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Body rows of the message log (the header row excluded). */
export function bodyRows(page: Page) {
  return messageLog(page).locator('tbody tr.log-row');
}
