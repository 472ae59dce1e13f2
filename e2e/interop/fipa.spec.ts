import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { deploy } from '../dockHelpers';
import { expect, messageLog, openWorkbench, send, test, typeInComposer } from '../fixtures';
import { openReplayTab } from '../replay/replayHelpers';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const editor = (page: Page) => page.getByRole('group', { name: 'Message editor' });
const problems = (page: Page) => page.getByRole('list', { name: 'Problems' });

/** The editor's whole text, as Monaco holds it (its DOM shows only the visible lines, with non-breaking spaces). */
const editorText = (page: Page) =>
  page.evaluate(() => {
    const lines = [...document.querySelectorAll('.composer-editor .view-line')].map((l) => l.textContent ?? '');
    return lines.join('\n').replace(/\u00a0/g, ' ');
  });

test('the Composer shows and accepts the FIPA-ACL string form, and a conversation exports as JADE writes it', async ({ page }) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await typeInComposer(page, '{"performative": "request", "receiver": "echo-1", "content": {"text": "ping"}, "conversation_id": "fipa-1"}');
  const format = page.getByRole('radiogroup', { name: 'Message format' });
  await format.getByRole('radio', { name: 'FIPA-ACL' }).check();
  await expect(page.getByRole('textbox', { name: /Message composer \(FIPA-ACL\)/ })).toBeAttached();
  await expect.poll(() => editorText(page)).toContain('(request');
  expect(await editorText(page)).toContain(':conversation-id fipa-1');
  // Back to JSON without a change: the JSON text as it was typed.
  await format.getByRole('radio', { name: 'JSON' }).check();
  await expect
    .poll(() => editorText(page))
    .toBe('{"performative": "request", "receiver": "echo-1", "content": {"text": "ping"}, "conversation_id": "fipa-1"}');
  await format.getByRole('radio', { name: 'FIPA-ACL' }).check();
  await expect.poll(() => editorText(page)).toContain(':receiver echo-1');

  // A FIPA-ACL message typed by hand goes out and is delivered; Send and wait shows echo's reply in the string form.
  await typeInComposer(page, '(request :receiver echo-1 :content "{\\"text\\":\\"from fipa\\"}" :conversation-id fipa-1)');
  await expect(problems(page)).toContainText('No problems');
  await send(page);
  await expect(page.getByRole('status').filter({ hasText: /^Delivered to echo-1/ })).toBeVisible();
  await page.getByRole('button', { name: 'Send and wait' }).click();
  const reply = page.getByRole('status').filter({ hasText: /^Reply/ });
  await expect(reply).toContainText('inform from echo-1');
  await expect(reply).toContainText('(inform');
  await expect(reply).toContainText(':conversation-id fipa-1');
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(messageLog(page).getByRole('row').filter({ hasText: 'from fipa' })).not.toHaveCount(0);

  // A parse error: its place in the problems list, and nothing sent.
  const sent = page.getByRole('list', { name: 'Sent messages' }).getByRole('listitem');
  await page.getByRole('tab', { name: 'Composer' }).click();
  await expect(sent).toHaveCount(2);
  await typeInComposer(page, '(request :receiver echo-1 :recevier echo-2)');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(problems(page)).toContainText(/Ln 1, Col 27 FIPA-ACL: .*recevier/);
  await expect(page.getByRole('alert').filter({ hasText: /Not sent: FIPA-ACL/ })).toContainText('line 1, column 27');
  await expect(editor(page).locator('.squiggly-error').first()).toBeAttached();
  await expect(sent).toHaveCount(2);

  // The conversation, exported from the sequence view as JADE writes it.
  await page.getByRole('tab', { name: 'Sequence' }).click();
  const controls = page.getByRole('toolbar', { name: 'Sequence controls' });
  await controls.getByRole('combobox', { name: 'Conversation to export' }).selectOption('fipa-1');
  const downloading = page.waitForEvent('download');
  await controls.getByRole('button', { name: 'Export conversation as JADE log' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('fipa-1.acl.log');
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toContain('(REQUEST');
  expect(text).toContain(':sender (agent-identifier :name you)');
  expect(text).toContain(':receiver (set (agent-identifier :name echo-1))');
  expect(text).toContain(':conversation-id fipa-1');
  expect(text).toContain('(INFORM\n :sender (agent-identifier :name echo-1)');
  expect(text.match(/^\(/gm)).toHaveLength(4);
  await expect(controls.getByRole('status', { name: 'Export status' })).toHaveText('Exported 4 messages as fipa-1.acl.log.');

  // Dated by the messages' own times (the kernel's clock is the real one), not by the moment of export: again, the same text.
  const again = page.waitForEvent('download');
  await controls.getByRole('button', { name: 'Export conversation as JADE log' }).click();
  expect(await readFile(await (await again).path(), 'utf8')).toBe(text);
});

test('a JADE log imports as a recording that plays back on the canvas; a broken one is refused with ORR513', async ({ page }) => {
  test.setTimeout(120_000);
  // The import runs in a worker of its own, not on the page
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openWorkbench(page);
  await openReplayTab(page);
  const jade = page.getByRole('region', { name: 'JADE message logs' });

  await jade.getByLabel('Import JADE log').setInputFiles(fixture('broken.acl.txt'));
  await expect(jade.getByRole('alert')).toContainText(
    'broken.acl.txt: ORR513 entry 2: JADE message log, entry 2: the message has no :sender',
  );
  await expect(jade.getByRole('status', { name: 'JADE import status' })).toHaveText('broken.acl.txt was refused: nothing changed.');
  await expect(page.getByRole('region', { name: 'Recording library' })).toContainText('No recordings yet');
  await expect(page.getByRole('region', { name: 'Playback' })).toHaveCount(0);

  await jade.getByLabel('Import JADE log').setInputFiles(fixture('book-trade.acl.txt'));
  const playback = page.getByRole('region', { name: 'Playback' });
  await expect(playback).toContainText('Recording: book-trade');

  // It opens on its participants already on the canvas (the setup is before the start: a reset's snapshot places them).
  for (const name of ['buyer@host:1099/JADE', 'seller@host:1099/JADE', 'audit@host:1099/JADE'])
    await expect(page.getByRole('group', { name: `client ${name}`, exact: true })).toBeVisible();
  // Play it: its three messages fill the log and the sequence view.
  await playback.getByRole('button', { name: 'Play' }).click();
  const log = messageLog(page);
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(log.getByRole('row').filter({ hasText: 'Dune (1965)' })).toHaveCount(1, { timeout: 20_000 });
  await expect(log.getByRole('row').filter({ hasText: '"sold":"Dune"' })).not.toHaveCount(0, { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Sequence' }).click();
  const diagram = page.getByRole('region', { name: 'Sequence diagram' });
  await expect(
    diagram.getByRole('img', { name: 'agree from seller@host:1099/JADE to buyer@host:1099/JADE · conversation book-1' }),
  ).toBeAttached();
  await expect(
    diagram.getByRole('img', { name: 'inform from seller@host:1099/JADE to audit@host:1099/JADE · conversation book-1' }),
  ).toBeAttached();
  // Exported again, each message carries its own timestamp from the log.
  const controls = page.getByRole('toolbar', { name: 'Sequence controls' });
  await controls.getByRole('combobox', { name: 'Conversation to export' }).selectOption('book-1');
  const downloading = page.waitForEvent('download');
  await controls.getByRole('button', { name: 'Export conversation as JADE log' }).click();
  const exported = await readFile(await (await downloading).path(), 'utf8');
  expect(exported.match(/^\d{4}-.*Z$/gm)).toEqual(['2026-12-06T15:30:00.000Z', '2026-12-06T15:30:00.250Z', '2026-12-06T15:30:01.000Z']);

  // It was kept in the library too.
  await page.getByRole('tab', { name: 'Replay' }).click();
  await expect(page.getByRole('table', { name: 'Recordings' }).getByRole('row', { name: /book-trade/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('jade-playback.png') });
  expect(workers.filter((url) => url.includes('jadeImport.worker'))).toHaveLength(2);
});

test('"Import recording" takes a JADE log too (sniffed from its content), and refuses a broken one with ORR513', async ({ page }) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  await openReplayTab(page);
  const library = page.getByRole('region', { name: 'Recording library' });
  const status = library.getByRole('status', { name: 'Library status' });

  await library.getByLabel('Import recording').setInputFiles(fixture('broken.acl.txt'));
  await expect(library.getByRole('alert')).toContainText(
    'broken.acl.txt: ORR513 entry 2: JADE message log, entry 2: the message has no :sender',
  );
  await expect(status).toHaveText('broken.acl.txt was refused: the library is unchanged.');
  await expect(library).toContainText('No recordings yet');

  await library.getByLabel('Import recording').setInputFiles(fixture('book-trade.acl.txt'));
  await expect(status).toHaveText('Imported “book-trade” from a JADE log.');
  await expect(page.getByRole('table', { name: 'Recordings' }).getByRole('row', { name: /book-trade/ })).toBeVisible();
});
