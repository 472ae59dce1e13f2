import { blockingAxe } from '../axeHelpers';
import { agentNode, expect, openWorkbench, test } from '../fixtures';
import { inspectedCount, recordingRow, recordThreeIncrements } from './replayHelpers';

test('jump to an event of a recording and continue from there in a simulation (fork)', async ({ page }) => {
  test.setTimeout(180_000);
  await openWorkbench(page);
  await recordThreeIncrements(page, 'to fork');
  await recordingRow(page, 'to fork').getByRole('button', { name: 'Open to fork' }).click();

  const playback = page.getByRole('region', { name: 'Playback' });
  await expect(playback).toContainText('Recording: to fork');
  expect(await blockingAxe(page, 'section[aria-label="Playback"]')).toEqual([]);

  const timeline = playback.getByRole('slider', { name: 'Timeline' });
  const first = Number(await timeline.getAttribute('min')) + 1;
  const last = Number(await timeline.getAttribute('max'));
  const middle = Math.floor((first + last) / 2);
  await playback.getByRole('textbox', { name: 'Jump to event' }).fill(String(middle));
  await playback.getByRole('button', { name: 'Jump to event: go' }).click();
  await expect(timeline).toHaveAttribute('aria-valuetext', new RegExp(`^Event ${middle} `));
  // The count at that moment (the first increment is well before the middle: only "none" can be stale).
  await agentNode(page, 'counter-1').locator('.agent-node-name').click();
  await expect.poll(() => inspectedCount(page, 'counter-1')).not.toBe('none');
  const atFork = await inspectedCount(page, 'counter-1');

  await playback.getByRole('button', { name: 'Continue from here' }).click();
  await expect(playback).toContainText(`Recording: to fork (fork at event`, { timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Recordings' }).getByRole('row')).toHaveCount(3);

  await expect(recordingRow(page, `to fork (fork at event ${middle})`)).toContainText('fork');

  // The fork starts where the recording was: the counter's key-value state restored.
  await agentNode(page, 'counter-1').locator('.agent-node-name').click();
  await expect.poll(() => inspectedCount(page, 'counter-1')).toBe(atFork);
});
