import { gzipSync } from 'node:zlib';
import { blockingAxe } from '../axeHelpers';
import { deploy } from '../dockHelpers';
import { compose, expect, openWorkbench, send, test } from '../fixtures';
import { openReplayTab, recordingRow } from './replayHelpers';

test('importing a broken, truncated or foreign file shows the reason and leaves the library as it was', async ({ page }) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  const library = await openReplayTab(page);
  const record = page.getByRole('region', { name: 'Record' });
  await record.getByRole('button', { name: 'Record', exact: true }).click();
  await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'kept' } });
  await send(page);
  await openReplayTab(page);
  await record.getByRole('textbox', { name: 'Recording name' }).fill('kept one');
  await record.getByRole('button', { name: 'Stop' }).click();
  await expect(recordingRow(page, 'kept one')).toBeVisible();
  const rows = page.getByRole('table', { name: 'Recordings' }).getByRole('row');
  await expect(rows).toHaveCount(2);

  // Export it, then cut it short: a truncated file.
  const downloading = page.waitForEvent('download');
  await recordingRow(page, 'kept one').getByRole('button', { name: 'Export kept one' }).click();
  const whole = await (await downloading).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of whole) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);

  const files = [
    { name: 'notes.orrery-rec', buffer: Buffer.from('just some text\n'), code: 'ORR501' },
    { name: 'cut.orrery-rec', buffer: bytes.subarray(0, Math.floor(bytes.length / 2)), code: 'ORR503' },
    { name: 'foreign.orrery-rec', buffer: gzipSync(Buffer.from('{"kind":"something else"}\n')), code: 'ORR501' },
  ];
  for (const file of files) {
    await library.getByLabel('Import recording').setInputFiles({ ...file, mimeType: 'application/octet-stream' });
    const alert = library.getByRole('alert');
    await expect(alert).toContainText(`${file.name}: ${file.code}`);
    await expect(library.getByRole('status', { name: 'Library status' })).toHaveText(`${file.name} was refused: the library is unchanged.`);
    await expect(rows).toHaveCount(2);
    await expect(recordingRow(page, 'kept one')).toBeVisible();
  }

  // Every control of the tab has a name people and assistive technology can use, in both themes.
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1) await page.getByRole('button', { name: 'Toggle theme' }).click();
    expect(await blockingAxe(page, '#dock-panel-replay')).toEqual([]);
  }

  // After a reload the library holds exactly what it held.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  await openReplayTab(page);
  await expect(page.getByRole('table', { name: 'Recordings' }).getByRole('row')).toHaveCount(2);
  await expect(recordingRow(page, 'kept one')).toBeVisible();
});

test('a recording in the library is renamed, tagged and deleted', async ({ page }) => {
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await openReplayTab(page);
  const record = page.getByRole('region', { name: 'Record' });
  await record.getByRole('button', { name: 'Record', exact: true }).click();
  await record.getByRole('textbox', { name: 'Recording name' }).fill('kept one');
  await record.getByRole('button', { name: 'Stop' }).click();
  await expect(recordingRow(page, 'kept one')).toBeVisible();

  await recordingRow(page, 'kept one').getByRole('button', { name: 'Rename kept one' }).click();
  await page.getByRole('textbox', { name: 'New name for kept one' }).fill('renamed');
  await page.getByRole('form', { name: 'New name for kept one' }).getByRole('button', { name: 'Save' }).click();
  await expect(recordingRow(page, 'renamed')).toBeVisible();
  await recordingRow(page, 'renamed').getByRole('button', { name: 'Edit tags of renamed' }).click();
  await page.getByRole('textbox', { name: 'Tags for renamed' }).fill('smoke, echo');
  await page.keyboard.press('Enter');
  await expect(recordingRow(page, 'renamed')).toContainText('smoke, echo');
  await recordingRow(page, 'renamed').getByRole('button', { name: 'Delete renamed' }).click();
  await page.getByRole('alertdialog', { name: 'Delete recording “renamed”?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('region', { name: 'Recording library' })).toContainText('No recordings yet');
});
