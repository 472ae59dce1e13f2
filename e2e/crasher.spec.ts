import { agentNode, compose, expect, logRow, openWorkbench, send, test } from './fixtures';

test('a crashing agent is restarted and answers again; the poison message is dead-lettered', async ({ page }) => {
  await openWorkbench(page);

  await page.getByRole('button', { name: 'Crasher agent', exact: true }).click();
  const node = agentNode(page, 'crasher-1');
  await expect(node).toContainText('running', { timeout: 20_000 });
  await expect(node).toContainText(/restarts\s*0/);

  await compose(page, { performative: 'request', receiver: 'crasher-1', content: { action: 'crash' } });
  await send(page);

  // The message it crashed on is redelivered once (it crashes again), then dead-lettered
  // and the sender told: two restarts, one failure, nothing lost.
  await expect(node).toContainText(/restarts\s*2/, { timeout: 20_000 });
  await expect(node).toContainText('running', { timeout: 20_000 });

  // The inspector tells the same story (the deployed agent is selected).
  const inspector = page.getByRole('region', { name: 'Inspector for crasher-1' });
  await expect(inspector.getByRole('definition').nth(3)).toHaveText('2');

  await compose(page, { performative: 'request', receiver: 'crasher-1', content: { ping: true } });
  await send(page);

  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(logRow(page, { performative: 'failure', sender: 'kernel', receiver: 'you', content: 'agent-crashed' })).toHaveCount(1);
  await expect(logRow(page, { performative: 'inform', sender: 'crasher-1', receiver: 'you', content: '{"pong":true}' })).toHaveCount(1);
});
