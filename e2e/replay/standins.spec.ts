import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, openWorkbench, test } from '../fixtures';
import { openReplayTab, recordingRow, recordThreeIncrements } from './replayHelpers';

test('replay a recorded conversation with a stand-in answering for the agent; shrink says why it cannot', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  await openWorkbench(page);
  await recordThreeIncrements(page, 'counted');
  await recordingRow(page, 'counted').getByRole('button', { name: 'Open counted' }).click();
  await expect(page.getByRole('region', { name: 'Playback' })).toContainText('Recording: counted');

  const against = page.getByRole('region', { name: 'Replay against the agents you have now' });
  await against.getByRole('combobox', { name: 'Replay against' }).selectOption('simulation');
  // The agent changed (an echo where the counter was): its answers diverge.
  await against.getByRole('textbox', { name: 'Deploy instead' }).fill('counter-1=echo');
  await against.getByRole('button', { name: 'Replay', exact: true }).click();
  const verdict = against.getByRole('status', { name: 'Replay verdict' });
  await expect(verdict).toContainText(/^\d+ divergences? in \d+ conversations?\.$/, { timeout: 60_000 });

  // A replay-mode stand-in answers for counter-1 from the recording: nothing diverges.
  const standIns = against.getByRole('group', { name: 'Stand-ins' });
  await standIns.getByRole('checkbox', { name: 'Stand-in for counter-1' }).check();
  await expect(standIns.getByRole('combobox', { name: 'Mode for counter-1' })).toHaveValue('replay');
  await against.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(verdict).toContainText(/^No divergences: \d+ conversations?, 6 messages matched\./, { timeout: 60_000 });
  await expect(against.getByRole('list', { name: 'Stand-ins' })).toContainText(
    'counter-1 (stand-in, replay): every message answered from the recording; 0 recorded exchanges not asked for.',
  );

  await against.screenshot({ path: test.info().outputPath('standins.png') });

  // Stand-ins are for a fresh simulation only: the live choice is refused before it runs.
  await against.getByRole('combobox', { name: 'Replay against' }).selectOption('live');
  await expect(against).toContainText('Stand-ins answer in a fresh simulation only');
  await expect(against.getByRole('button', { name: 'Replay', exact: true })).toBeDisabled();

  // A live recording has no chaos hypothesis: Shrink says so plainly.
  const shrink = page.getByRole('region', { name: 'Shrink' });
  await shrink.getByRole('button', { name: 'Shrink' }).click();
  await expect(shrink.getByRole('status', { name: 'Shrink verdict' })).toContainText(
    'This recording was not driven by a chaos experiment: it has no checks to fail, nothing to shrink.',
    { timeout: 30_000 },
  );
  expect(errors).toEqual([]);
});

const LOSSY = {
  schema: 'orrery.experiment/1',
  name: 'lossy link',
  seed: 3,
  topology: { clients: ['load'], agents: [{ name: 'echo', kind: 'echo' }], links: [{ id: 'load--echo', a: 'load', b: 'echo' }] },
  workload: { clients: [{ client: 'load', targets: ['echo'], ratePerSecond: 20, timeoutMs: 200 }] },
  hypothesis: [{ probe: 'success-rate', min: 1 }],
  schedule: {
    warmupMs: 100,
    steadyMs: 100,
    phases: [
      { name: 'loss', durationMs: 600, faults: [{ target: { links: ['load--echo'] }, probability: 0.5, effect: { kind: 'drop' } }] },
    ],
    settleMs: 300,
    recoveryMs: 100,
  },
};

test('shrink a failing chaos run recorded in simulation, keep the shrunk recording and open it', async ({ page }) => {
  test.setTimeout(180_000);
  // The chaos run is recorded headlessly (orrery experiment --record), as CI would, and imported.
  const experiment = test.info().outputPath('lossy.experiment.json');
  const file = test.info().outputPath('lossy.orrery-rec');
  writeFileSync(experiment, JSON.stringify(LOSSY));
  const run = spawnSync('npx', ['tsx', 'src/cli/bin.ts', 'experiment', experiment, '--record', file, '--quiet'], { encoding: 'utf8' });
  expect(run.stdout).toContain('FAIL  lossy link');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  await openWorkbench(page);
  const library = await openReplayTab(page);
  await library.getByLabel('Import recording').setInputFiles(file);
  await recordingRow(page, 'lossy link').getByRole('button', { name: 'Open lossy link' }).click();
  await expect(page.getByRole('region', { name: 'Playback' })).toContainText('Recording: lossy link');

  const shrink = page.getByRole('region', { name: 'Shrink' });
  await shrink.getByRole('button', { name: 'Shrink' }).click();
  const verdict = shrink.getByRole('status', { name: 'Shrink verdict' });
  await expect(verdict).toContainText(
    /^Shrunk from \d+ to [1-3] inputs? \(client messages and faults\) that still fail the hypothesis, in \d+ candidate runs\./,
    {
      timeout: 120_000,
    },
  );
  await expect(shrink.getByRole('status', { name: 'Shrink status' })).toHaveText('Shrunk “lossy link”.');
  await expect(shrink.getByRole('list', { name: 'Minimal inputs' })).toContainText('drop on load--echo (p 0.5)');
  await expect(shrink.getByRole('list', { name: 'Minimal inputs' })).toContainText('load → echo: request');
  await expect(shrink.getByRole('list', { name: 'Minimal conversation' }).getByRole('listitem').first()).toContainText(
    'load → echo request',
  );

  await shrink.getByRole('button', { name: 'Keep and open the shrunk recording' }).click();
  await expect(page.getByRole('region', { name: 'Playback' })).toContainText('Recording: lossy link (shrunk)');
  await expect(recordingRow(page, 'lossy link (shrunk)')).toBeVisible();
  expect(errors).toEqual([]);
});
