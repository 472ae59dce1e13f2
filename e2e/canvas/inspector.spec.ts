import { agentNode, compose, expect, openWorkbench, send, test } from '../fixtures';
import { deployByClick } from './helpers';

test("the inspector shows a counter's key-value state live and a crasher's restart history", async ({ page }) => {
  await openWorkbench(page);
  const counter = await deployByClick(page, 'Counter agent', 'counter-1');
  for (let i = 0; i < 3; i++) {
    await compose(page, { performative: 'request', receiver: 'counter-1', content: { action: 'increment' } });
    await send(page);
  }
  await counter.locator('.agent-node-name').click();
  const inspector = page.getByRole('region', { name: 'Inspector for counter-1' });
  const kv = inspector.getByRole('table', { name: 'Key-value state' });
  await expect(kv.getByRole('row').filter({ hasText: 'count' })).toContainText('3');
  await expect(inspector).toContainText('Module hash');
  await expect(inspector).toContainText('Deadline');
  await expect(inspector.getByRole('list', { name: 'Status history' })).toContainText('running');

  const crasher = await deployByClick(page, 'Crasher agent', 'crasher-1');
  await compose(page, { performative: 'request', receiver: 'crasher-1', content: { action: 'crash' } });
  await send(page);
  // The kernel may redeliver the crashing message once: one or more restarts.
  await expect(crasher).toContainText(/restarts\s*[1-9]/, { timeout: 20_000 });
  await expect(crasher).toContainText('running', { timeout: 20_000 });
  await crasher.locator('.agent-node-name').click();
  const crash = page.getByRole('region', { name: 'Inspector for crasher-1' });
  const history = crash.getByRole('list', { name: 'Restart history' });
  await expect(history).toContainText('crashed');
  await expect(history).toContainText('restarted');
  await page.screenshot({ path: test.info().outputPath('inspector.png') });

  // Lifecycle from the inspector: suspend, resume, clone.
  await crash.getByRole('button', { name: 'Suspend' }).click();
  await expect(crasher).toContainText('suspended');
  await crash.getByRole('button', { name: 'Resume' }).click();
  await expect(crasher).toContainText('running');
  await crash.getByRole('button', { name: 'Clone' }).click();
  await expect(agentNode(page, 'crasher-2')).toContainText('running', { timeout: 20_000 });
});
