import { agentNode, compose, expect, logRow, openWorkbench, send, test } from './fixtures';

test('drag the echo agent onto the canvas and talk to it', async ({ page }) => {
  await openWorkbench(page);

  const item = page.getByRole('button', { name: 'Echo agent', exact: true });
  const canvas = page.getByRole('region', { name: 'Canvas' });
  const from = await item.boundingBox();
  const to = await canvas.boundingBox();
  if (!from || !to) throw new Error('palette item or canvas is not laid out');

  // Drag with the mouse, as a person would: press, move in steps, release over the canvas.
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width * 0.4, to.y + to.height * 0.4, { steps: 15 });
  await page.mouse.up();

  const node = agentNode(page, 'echo-1');
  await expect(node).toBeVisible();
  await expect(node).toContainText('running', { timeout: 20_000 });
  // Dropped where released, not on the default grid: the node's box contains the drop point.
  const box = await node.boundingBox();
  expect(box).not.toBeNull();
  const drop = { x: to.x + to.width * 0.4, y: to.y + to.height * 0.4 };
  expect(Math.abs(box!.x + box!.width / 2 - drop.x)).toBeLessThan(box!.width);
  expect(Math.abs(box!.y + box!.height / 2 - drop.y)).toBeLessThan(box!.height);
  // Only one agent: the click that ends a drag must not deploy a second.
  await expect(page.getByRole('group', { name: /^agent / })).toHaveCount(1);

  await compose(page, {
    performative: 'request',
    receiver: 'echo-1',
    content: { text: 'hello from e2e' },
  });
  await send(page);

  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(logRow(page, { performative: 'request', sender: 'you', receiver: 'echo-1', content: 'hello from e2e' })).toHaveCount(1);
  const reply = logRow(page, { performative: 'inform', sender: 'echo-1', receiver: 'you', content: '"text":"hello from e2e"' });
  await expect(reply).toHaveCount(1);
});

test('an invalid message is refused with a clear error', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: 'Echo agent', exact: true }).click();
  await expect(agentNode(page, 'echo-1')).toContainText('running', { timeout: 20_000 });

  await compose(page, { performative: 'shout', receiver: 'echo-1', content: {} });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /performative/i })).toBeVisible();
});
