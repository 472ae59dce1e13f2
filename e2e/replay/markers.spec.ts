import { deploy } from '../dockHelpers';
import { agentNode, compose, expect, openWorkbench, send, test } from '../fixtures';
import { openReplayTab, recordingRow } from './replayHelpers';

test('a crash is marked on the timeline: the marker and Next failure jump to it; one conversation is picked', async ({ page }) => {
  test.setTimeout(180_000);
  await openWorkbench(page);
  await deploy(page, 'Crasher agent', 'crasher-1');
  await openReplayTab(page);
  const record = page.getByRole('region', { name: 'Record' });
  await record.getByRole('button', { name: 'Record', exact: true }).click();
  await compose(page, { performative: 'request', receiver: 'crasher-1', content: { action: 'crash' }, conversation_id: 'crash-talk' });
  await send(page);
  await expect(agentNode(page, 'crasher-1')).toContainText(/restarts\s*[1-9]/, { timeout: 20_000 });
  await expect(agentNode(page, 'crasher-1')).toContainText('running', { timeout: 20_000 });
  await openReplayTab(page);
  await record.getByRole('textbox', { name: 'Recording name' }).fill('a crash');
  await record.getByRole('button', { name: 'Stop' }).click();
  await recordingRow(page, 'a crash').getByRole('button', { name: 'Open a crash' }).click();

  const playback = page.getByRole('region', { name: 'Playback' });
  const timeline = playback.getByRole('slider', { name: 'Timeline' });
  await expect(timeline).toHaveAttribute('aria-valuetext', /^Start, before event/);
  await playback.getByText(/^Markers \(\d+\)$/).click();
  const crash = playback
    .getByRole('list', { name: 'Markers' })
    .getByRole('button', { name: /crasher-1 crashed/ })
    .first();
  await expect(crash).toBeVisible();
  await crash.click();
  await expect(timeline).toHaveAttribute('aria-valuetext', /^Event \d+ /);
  await expect(crash).toHaveAttribute('aria-current', 'true');
  const atCrash = await timeline.getAttribute('aria-valuetext');

  // From the start, Next failure lands on the same crash (the first failure of the recording).
  await timeline.fill(await timeline.getAttribute('min').then((m) => m ?? '0'));
  await expect(timeline).toHaveAttribute('aria-valuetext', /^Start, before event/);
  await playback.getByRole('button', { name: 'Next failure' }).click();
  await expect(timeline).toHaveAttribute('aria-valuetext', atCrash!);

  // Only the crasher's conversation.
  const conversation = playback.getByRole('combobox', { name: 'Conversation' });
  await conversation.selectOption('crash-talk');
  await expect(conversation).toHaveValue('crash-talk');
  await conversation.selectOption('');
  await expect(conversation).toHaveValue('');
});
