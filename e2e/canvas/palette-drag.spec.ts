import { agentNode, expect, openWorkbench, test } from '../fixtures';
import { canvas, dragToCanvas, wire } from './helpers';

test('topics, clients and agents are dragged from the palette to where they are dropped', async ({ page }) => {
  await openWorkbench(page);

  const topicDrop = await dragToCanvas(page, 'Topic', 0.3, 0.3);
  const topic = page.getByRole('group', { name: 'topic topic-1', exact: true });
  await expect(topic).toBeVisible();
  const tb = (await topic.boundingBox())!;
  expect(Math.abs(tb.x + tb.width / 2 - topicDrop.x)).toBeLessThan(tb.width);
  expect(Math.abs(tb.y + tb.height / 2 - topicDrop.y)).toBeLessThan(tb.height * 2);

  await dragToCanvas(page, 'Client', 0.3, 0.75);
  const client = page.getByRole('group', { name: 'client client-1', exact: true });
  await expect(client).toBeVisible();

  const echoDrop = await dragToCanvas(page, 'Echo agent', 0.7, 0.3);
  const echo = agentNode(page, 'echo-1');
  await expect(echo).toContainText('running', { timeout: 20_000 });
  const eb = (await echo.boundingBox())!;
  expect(Math.abs(eb.x + eb.width / 2 - echoDrop.x)).toBeLessThan(eb.width);

  await dragToCanvas(page, 'Counter agent', 0.7, 0.75);
  await expect(agentNode(page, 'counter-1')).toContainText('running', { timeout: 20_000 });

  // Exactly what was dropped: no extra node from the click that ends a drag.
  await expect(canvas(page).locator('.react-flow__node')).toHaveCount(4);
  await expect(page.getByRole('banner')).toContainText('2 agents');

  // Wiring an agent to the topic subscribes it: a publication reaches it.
  await wire(page, echo, topic);
  await expect(page.getByRole('group', { name: 'link echo-1 to topic-1' })).toBeAttached();
  await wire(page, client, topic);
  await expect(page.getByRole('group', { name: 'link client-1 to topic-1' })).toBeAttached();
  await expect(topic).toContainText('2 subscribers');
  await page.screenshot({ path: test.info().outputPath('palette-drag.png') });
});
