import { agentNode, compose, expect, logRow, openWorkbench, send, test } from '../fixtures';
import { loadPattern } from '../patternHelpers';
import { expectInUse, READING_AS_STRING, storedContractsVersion, useContracts } from './contractHelpers';

test('the contracts in use are saved with the workspace and check messages again after a reload', async ({ page }) => {
  await openWorkbench(page);
  await loadPattern(page, 'Fire-and-forget', false);
  await expect(agentNode(page, 'sink')).toContainText('running', { timeout: 20_000 });
  await useContracts(page, { ...READING_AS_STRING, version: '7.0.0' });
  await expectInUse(page, 'sink');
  await expect.poll(() => storedContractsVersion(page)).toBe('7.0.0');

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  await expect(agentNode(page, 'sink')).toContainText('running', { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Contracts' }).click();
  await expectInUse(page, 'sink');
  await expect(page.getByRole('table', { name: 'Contracts in use' })).toContainText('Version 7.0.0');

  await compose(page, { performative: 'request', receiver: 'emitter', content: {}, conversation_id: 'after-reload' });
  await send(page);
  await page.getByRole('tab', { name: 'Log' }).click();
  const broken = logRow(page, { performative: 'inform', sender: 'emitter', receiver: 'sink', content: 'reading' });
  await expect(broken).toHaveCount(3);
  await expect(broken.getByRole('img', { name: 'Contract violation' })).toHaveCount(3);
});
