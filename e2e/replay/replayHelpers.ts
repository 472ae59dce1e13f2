import type { Locator, Page } from '@playwright/test';
import { deploy } from '../dockHelpers';
import { agentNode, compose, expect, send } from '../fixtures';

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

/**
 * Deploys counter-1, presses Record, increments it three times from the Composer (the
 * inspector shows count 3), then names the recording and presses Stop.
 */
export async function recordThreeIncrements(page: Page, name: string, tags?: string): Promise<void> {
  await deploy(page, 'Counter agent', 'counter-1');
  await openReplayTab(page);
  const record = page.getByRole('region', { name: 'Record' });
  await record.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(record.getByRole('status', { name: 'Tape status' })).toContainText('Recording:');
  for (let i = 0; i < 3; i++) {
    await compose(page, { performative: 'request', receiver: 'counter-1', content: { action: 'increment' } });
    await send(page);
  }
  await agentNode(page, 'counter-1').locator('.agent-node-name').click();
  await expect.poll(() => inspectedCount(page, 'counter-1')).toBe('3');
  await openReplayTab(page);
  await record.getByRole('textbox', { name: 'Recording name' }).fill(name);
  if (tags !== undefined) await record.getByRole('textbox', { name: 'Tags' }).fill(tags);
  await record.getByRole('button', { name: 'Stop' }).click();
}
