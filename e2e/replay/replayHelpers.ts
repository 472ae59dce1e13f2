import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

export async function openReplayTab(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Replay' }).click();
  const library = page.getByRole('region', { name: 'Recording library' });
  await expect(library).toBeVisible({ timeout: 20_000 });
  return library;
}

/** A library row by the recording's name. */
export function recordingRow(page: Page, name: string): Locator {
  return page.getByRole('table', { name: 'Recordings' }).getByRole('row', { name, exact: true });
}

/** The counter's `count` as the inspector shows it ("none" while it has no keys). */
export async function inspectedCount(page: Page, agent: string): Promise<string> {
  const inspector = page.getByRole('region', { name: `Inspector for ${agent}` });
  const row = inspector.getByRole('table', { name: 'Key-value state' }).getByRole('row').filter({ hasText: 'count' });
  if ((await row.count()) === 0) return 'none';
  return ((await row.getByRole('cell').nth(1).textContent()) ?? '').trim();
}
