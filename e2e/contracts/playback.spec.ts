import { expect, logRow, openWorkbench, test } from '../fixtures';
import { openReplayTab, recordingRow, recordThreeIncrements } from '../replay/replayHelpers';
import { expectInUse, useContracts } from './contractHelpers';

/** The counter accepts only decrements: each recorded increment breaks it. */
const DECREMENTS_ONLY = {
  schema: 'orrery.contract/1',
  version: '1.0.0',
  kinds: {
    counter: {
      request: { accepts: { type: 'object', required: ['action'], properties: { action: { enum: ['decrement'] } } } },
      inform: { sends: true },
    },
  },
};

test('a recording opened for playback shows its violations of the contracts in use, and infers a draft', async ({ page }) => {
  test.setTimeout(180_000);
  await openWorkbench(page);
  // Recorded with no contracts in use: what playback flags, it checked itself.
  await recordThreeIncrements(page, 'increments');
  await useContracts(page, DECREMENTS_ONLY);
  await expectInUse(page, 'counter');

  await openReplayTab(page);
  await recordingRow(page, 'increments').getByRole('button', { name: 'Open increments' }).click();
  const playback = page.getByRole('region', { name: 'Playback' });
  await expect(playback).toContainText('Recording: increments');
  const timeline = playback.getByRole('slider', { name: 'Timeline' });
  const last = Number(await timeline.getAttribute('max'));
  await timeline.fill(String(last));
  await expect(timeline).toHaveAttribute('aria-valuetext', new RegExp(`^Event ${last} `));

  await page.getByRole('tab', { name: 'Log' }).click();
  const increments = logRow(page, { performative: 'request', sender: 'you', receiver: 'counter-1', content: 'increment' });
  await expect(increments).toHaveCount(3);
  for (const row of await increments.all()) await expect(row.getByRole('img', { name: 'Contract violation' })).toBeVisible();
  const replies = logRow(page, { performative: 'inform', sender: 'counter-1', receiver: 'you', content: 'count' });
  await expect(replies).toHaveCount(3);
  await expect(replies.getByRole('img', { name: 'Contract violation' })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Contracts' }).click();
  await expect(page.getByLabel('Contract counts')).toContainText(/Violations\s*3(?!\d)/);
  await page.getByRole('button', { name: 'Infer draft from this run' }).click();
  const draft = page.getByRole('region', { name: 'Draft contract' });
  await expect(draft.getByRole('table', { name: 'Draft contract kinds' })).toContainText('counter');
  await expect(draft.getByLabel('Draft contract JSON')).toContainText('"action"');
});
