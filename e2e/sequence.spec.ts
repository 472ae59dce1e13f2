import { compose, expect, openWorkbench, send, test } from './fixtures';
import { deploy } from './dockHelpers';

test('the sequence diagram shows lanes, labelled arrows, failures, zoom and sniffing', async ({ page }) => {
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'seq' }, conversation_id: 'conv-s' });
  await send(page);
  await compose(page, { performative: 'request', receiver: 'ghost', content: {} });
  await send(page);

  await page.getByRole('tab', { name: 'Sequence' }).click();
  const diagram = page.getByRole('region', { name: 'Sequence diagram' });
  const lanes = diagram.getByRole('list', { name: 'Lanes' }).getByRole('listitem');
  await expect(lanes.filter({ hasText: /^you$/ })).toHaveCount(1);
  await expect(lanes.filter({ hasText: /^echo-1$/ })).toHaveCount(1);
  await expect(lanes.filter({ hasText: /^kernel$/ })).toHaveCount(1);

  await expect(diagram.getByRole('img', { name: 'request from you to echo-1 · conversation conv-s' })).toBeAttached();
  await expect(diagram.getByRole('img', { name: 'inform from echo-1 to you · conversation conv-s' })).toBeAttached();
  await expect(diagram.locator('.seq-arrow').filter({ hasText: 'request · conv-s' })).toHaveCount(1);

  // The send to an unknown receiver is marked failed, with the reason in its title.
  const failed = diagram.getByRole('img', { name: /request from you to ghost · failed: unknown-receiver/ });
  await expect(failed).toBeAttached();
  await expect(failed).toHaveClass(/seq-failed/);
  await expect(diagram.getByRole('img', { name: /failure from kernel to you/ })).toBeAttached();

  // Zoom changes the scale.
  const controls = page.getByRole('toolbar', { name: 'Sequence controls' });
  const echoLane = lanes.filter({ hasText: /^echo-1$/ });
  const before = (await echoLane.boundingBox())!.x;
  await controls.getByRole('button', { name: 'Zoom in' }).click();
  await expect(diagram).toHaveAttribute('data-zoom', '1.25');
  await expect(page.getByLabel('Zoom level')).toHaveText('125%');
  expect((await echoLane.boundingBox())!.x).toBeGreaterThan(before);
  await controls.getByRole('button', { name: 'Zoom out' }).click();
  await controls.getByRole('button', { name: 'Zoom out' }).click();
  await expect(diagram).toHaveAttribute('data-zoom', '0.8');

  // Sniff selection: leaving out the kernel hides its lane and its arrows.
  const sniffed = page.getByRole('group', { name: 'Sniffed agents' });
  await sniffed.getByRole('checkbox', { name: 'kernel' }).uncheck();
  await expect(lanes.filter({ hasText: /^kernel$/ })).toHaveCount(0);
  await expect(diagram.getByRole('img', { name: /failure from kernel/ })).toHaveCount(0);
  await expect(lanes.filter({ hasText: /^echo-1$/ })).toHaveCount(1);

  // An arrow opens the message's details.
  await diagram.getByRole('img', { name: 'request from you to echo-1 · conversation conv-s' }).click();
  await expect(page.getByRole('dialog', { name: 'Message details' })).toContainText('conv-s');
  await page.screenshot({ path: test.info().outputPath('sequence.png') });
});
