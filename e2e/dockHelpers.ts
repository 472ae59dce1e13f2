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
