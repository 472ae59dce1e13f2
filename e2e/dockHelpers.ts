import type { Page } from '@playwright/test';
import { agentNode, expect, messageLog } from './fixtures';

export { typeInComposer } from './fixtures';

/** Deploy a built-in agent by clicking its palette item and wait until it runs. */
export async function deploy(page: Page, label: string, name: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(agentNode(page, name)).toContainText('running', { timeout: 20_000 });
}

/** Body rows of the message log (the header row excluded). */
export function bodyRows(page: Page) {
  return messageLog(page).locator('tbody tr.log-row');
}

/**
 * Replace a lab's JSON editor text the way a person would (click, select all, type) and apply
 * it. `editor` and `textbox` are the accessible names of the editor's group and text box.
 */
export async function applyLabJson(page: Page, names: { editor: string; textbox: string }, text: string): Promise<void> {
  const editor = page.getByRole('group', { name: names.editor });
  const input = editor.getByRole('textbox', { name: names.textbox });
  await expect(input).toBeAttached({ timeout: 20_000 });
  await editor.locator('.view-lines').click();
  await expect(input).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.getByRole('button', { name: 'Apply JSON' }).click();
}
