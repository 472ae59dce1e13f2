import { agentNode, expect, openWorkbench, test } from '../fixtures';
import { deploy } from '../dockHelpers';
import { inspectedCount, openReplayTab, recordingRow, recordThreeIncrements } from './replayHelpers';

test('record a conversation, export it, import it into a fresh profile, scrub, step back', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await openWorkbench(page);
  await recordThreeIncrements(page, 'three increments', 'e2e, counter');
  const row = recordingRow(page, 'three increments');
  await expect(row).toContainText('e2e, counter');
  await expect(page.getByRole('region', { name: 'Record' }).getByRole('status', { name: 'Tape status' })).toContainText('Not recording');

  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export three increments' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('three-increments.orrery-rec');
  const file = await download.path();

  // A new profile: its own, empty IndexedDB.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const errors: string[] = [];
  fresh.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  fresh.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openWorkbench(fresh);
  // The agents you have now: a counter of the same name, at zero.
  await deploy(fresh, 'Counter agent', 'counter-1');
  const library = await openReplayTab(fresh);
  await expect(library).toContainText('No recordings yet');
  await library.getByLabel('Import recording').setInputFiles(file);
  const imported = recordingRow(fresh, 'three increments');
  await expect(imported).toContainText('e2e, counter');
  await imported.getByRole('button', { name: 'Open three increments' }).click();

  const playback = fresh.getByRole('region', { name: 'Playback' });
  await expect(playback).toContainText('Recording: three increments');
  await expect(agentNode(fresh, 'counter-1')).toBeVisible();
  await agentNode(fresh, 'counter-1').locator('.agent-node-name').click();
  // At Record the counter had no count yet.
  await expect.poll(() => inspectedCount(fresh, 'counter-1')).toBe('none');

  const timeline = playback.getByRole('slider', { name: 'Timeline' });
  const last = Number(await timeline.getAttribute('max'));
  await timeline.fill(String(last));
  await expect(timeline).toHaveAttribute('aria-valuetext', new RegExp(`^Event ${last} `));
  await expect.poll(() => inspectedCount(fresh, 'counter-1')).toBe('3');

  // Back one event at a time, until the third increment is undone.
  const back = playback.getByRole('button', { name: 'Step back one event' });
  await expect
    .poll(
      async () => {
        await back.click();
        return inspectedCount(fresh, 'counter-1');
      },
      { intervals: [700], timeout: 30_000 },
    )
    .toBe('2');
  await expect(timeline).not.toHaveAttribute('aria-valuetext', new RegExp(`^Event ${last} `));
  await fresh.screenshot({ path: test.info().outputPath('playback.png') });

  // Replay its client messages against the live counter, then in a fresh simulation.
  const against = fresh.getByRole('region', { name: 'Replay against the agents you have now' });
  await expect(against.getByRole('combobox', { name: 'Replay against' })).toHaveValue('live');
  await against.getByRole('button', { name: 'Replay', exact: true }).click();
  const verdict = against.getByRole('status', { name: 'Replay verdict' });
  await expect(verdict).toContainText(/^No divergences: \d+ conversations, 6 messages matched\./, { timeout: 60_000 });
  await against.getByRole('combobox', { name: 'Replay against' }).selectOption('simulation');
  await against.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(against.getByRole('status', { name: 'Replay status' })).toContainText('against a fresh simulation.', { timeout: 60_000 });
  await expect(verdict).toContainText(/^No divergences: \d+ conversations, 6 messages matched\./);
  // A live recording's timings are the wall clock's: the simulation's log matches it in conversations, not byte for byte.
  await expect(verdict).not.toContainText('same log hash');

  // Against a changed agent (an echo where the counter was): the first divergence is marked.
  await against.getByRole('textbox', { name: 'Deploy instead' }).fill('counter-1=echo');
  await against.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(verdict).toContainText(/^\d+ divergences? in \d+ conversations?\.$/, { timeout: 60_000 });
  const divergences = against.getByRole('list', { name: 'Divergences' }).getByRole('listitem');
  await expect(divergences.first()).toHaveAttribute('aria-current', 'true');
  await expect(divergences.first()).toContainText(/^First: conversation .*message \d+: /);
  await expect(against.getByRole('group', { name: /side by side$/ })).toContainText('counter-1');
  await fresh.screenshot({ path: test.info().outputPath('replayed.png') });

  await playback.getByRole('button', { name: 'Back to live workbench' }).click();
  await expect(playback).toHaveCount(0);
  expect(errors).toEqual([]);
  // The live counter got the three increments of the replay.
  await agentNode(fresh, 'counter-1').locator('.agent-node-name').click();
  await expect.poll(() => inspectedCount(fresh, 'counter-1')).toBe('3');
  expect(errors).toEqual([]);
  await context.close();
});
