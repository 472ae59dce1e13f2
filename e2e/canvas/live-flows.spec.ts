import { agentNode, compose, expect, openWorkbench, send, test } from '../fixtures';
import { loadPattern } from '../patternHelpers';

const SOME_RATE = /[1-9][\d.]*k? msg\/s/;

test('live flows: a busy link shows its direction and msgs/s, nodes their rate; both go quiet after', async ({ page }) => {
  await openWorkbench(page);
  // An emitter wired to a sink: each request to the emitter sends three informs over the link.
  await loadPattern(page, 'Fire-and-forget', false);
  await expect(agentNode(page, 'sink')).toContainText('running', { timeout: 20_000 });
  const link = page.getByRole('group', { name: 'link emitter to sink' });
  const towardsSink = link.locator('[data-direction="a-to-b"]');
  const towardsEmitter = link.locator('[data-direction="b-to-a"]');
  // (A straight link has no height, so "visible" is judged by whether the dashes are drawn.)
  const drawn = (dashes: typeof towardsSink) => expect(dashes).not.toHaveCSS('display', 'none', { timeout: 100 });
  const notDrawn = (dashes: typeof towardsSink, timeout = 5_000) => expect(dashes).toHaveCSS('display', 'none', { timeout });
  await notDrawn(towardsSink);
  await expect(link).not.toContainText('msg/s');

  await compose(page, { performative: 'request', receiver: 'emitter', content: {} });
  // Rates are sampled twice a second: keep sending, as a person would, until they show.
  await expect(async () => {
    await send(page);
    await expect(link).toContainText(SOME_RATE, { timeout: 700 });
    await drawn(towardsSink);
    await expect(agentNode(page, 'sink')).toContainText(SOME_RATE, { timeout: 100 });
  }).toPass({ timeout: 20_000 });
  // Nothing travels back along the link (the sink reports to you, not to the emitter).
  await notDrawn(towardsEmitter, 100);
  await expect(agentNode(page, 'sink')).toContainText(/mailbox\s*\d+/);

  // Traffic stops: the dashes and the label go, the nodes read zero again.
  await notDrawn(towardsSink);
  await expect(link).not.toContainText('msg/s');
  await expect(agentNode(page, 'sink')).toContainText('0.0 msg/s');
  await expect(agentNode(page, 'sink')).toContainText(/mailbox\s*0/);
});
