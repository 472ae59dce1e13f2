import { agentNode, compose, expect, messageLog, openWorkbench, send, test } from '../fixtures';
import type { Page } from '@playwright/test';
import { deployByClick, wire } from './helpers';

/** requester-1 and echo-1 deployed from the palette and wired by dragging; returns the edge. */
async function linkedRequesterAndEcho(page: Page) {
  await openWorkbench(page);
  const requester = await deployByClick(page, 'Requester agent', 'requester-1');
  const echo = await deployByClick(page, 'Echo agent', 'echo-1');
  await wire(page, requester, echo);
  const link = page.getByRole('group', { name: 'link requester-1 to echo-1' });
  await expect(link).toBeAttached();
  return link;
}

test('a message crosses a drawn link; after the link is deleted it fails with no-route', async ({ page }) => {
  const link = await linkedRequesterAndEcho(page);

  // The console asks the requester to ask echo-1: that hop needs the link.
  await compose(page, {
    performative: 'request',
    receiver: 'requester-1',
    content: { to: 'echo-1', content: { text: 'over the wire' } },
  });
  await send(page);
  await page.getByRole('tab', { name: 'Log' }).click();
  const hop = messageLog(page)
    .getByRole('row')
    .filter({ hasText: 'requester-1' })
    .filter({ hasText: 'echo-1' })
    .filter({ hasText: 'over the wire' });
  await expect(hop.filter({ hasText: /^(?!.*no-route)/ }).first()).toBeVisible();
  await expect(messageLog(page).getByRole('row').filter({ hasText: 'echo-1' }).filter({ hasText: 'inform' }).first()).toBeVisible();
  await expect(agentNode(page, 'echo-1')).toContainText(/mailbox\s*0/);

  // Select the link by clicking it, and delete it with the Delete key.
  const box = (await link.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByRole('region', { name: 'Inspector for link requester-1 – echo-1' })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(link).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('0 links');

  await compose(page, {
    performative: 'request',
    receiver: 'requester-1',
    content: { to: 'echo-1', content: { text: 'no wire now' } },
  });
  await send(page);
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(messageLog(page).getByRole('row').filter({ hasText: 'no wire now' }).filter({ hasText: 'no-route' }).first()).toBeVisible();
});

test('the link inspector shows counters and latency, and its button deletes the link', async ({ page }) => {
  const link = await linkedRequesterAndEcho(page);
  for (const n of [1, 2]) {
    await compose(page, { performative: 'request', receiver: 'requester-1', content: { to: 'echo-1', content: { n } } });
    await send(page);
  }
  const box = (await link.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const inspector = page.getByRole('region', { name: 'Inspector for link requester-1 – echo-1' });
  await expect(inspector).toBeVisible();
  await expect(inspector.getByText('Mean')).toBeVisible();
  await expect(inspector).toContainText(/Measured\s*4 messages/);
  await page.screenshot({ path: test.info().outputPath('link-inspector.png') });
  await inspector.getByRole('button', { name: 'Delete link' }).click();
  await expect(link).toHaveCount(0);
});
