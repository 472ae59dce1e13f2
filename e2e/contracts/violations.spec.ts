import { agentNode, compose, expect, logRow, messageLog, openWorkbench, send, test } from '../fixtures';
import { loadPattern } from '../patternHelpers';
import { blockingAxe } from '../axeHelpers';
import { expectInUse, READING_AS_STRING, useContracts } from './contractHelpers';

test('a contract violation shows on the log row, in the message inspector and on the link; a kept contract is not flagged', async ({
  page,
}) => {
  // Five axe scans, each seconds long on a busy 2-core machine.
  test.setTimeout(180_000);
  await openWorkbench(page);
  await loadPattern(page, 'Fire-and-forget', false);
  await expect(agentNode(page, 'sink')).toContainText('running', { timeout: 20_000 });

  await useContracts(page, READING_AS_STRING);
  await expectInUse(page, 'sink');

  // In one conversation: the log follows the exchange the Composer started whatever tab is open.
  await compose(page, { performative: 'request', receiver: 'emitter', content: {}, conversation_id: 'ff-1' });
  await send(page);

  // The link between the two agents: three informs broke the sink's contract.
  const link = page.getByRole('group', { name: 'link emitter to sink' });
  await expect(link.getByRole('img', { name: '3 contract violations' })).toBeAttached();

  await page.getByRole('tab', { name: 'Log' }).click();
  const broken = logRow(page, { performative: 'inform', sender: 'emitter', receiver: 'sink', content: '"reading":21.5' });
  await expect(broken).toHaveCount(3);
  for (const row of await broken.all()) await expect(row.getByRole('img', { name: 'Contract violation' })).toBeVisible();
  await expect(broken.first().getByRole('img', { name: 'Contract violation' })).toHaveAttribute('title', /content\.data\.reading/);

  // The request that started it kept the requester's contract: no flag.
  const kept = logRow(page, { performative: 'request', sender: 'you', receiver: 'emitter', content: '{}' });
  await expect(kept).toHaveCount(1);
  await expect(kept.getByRole('img', { name: 'Contract violation' })).toHaveCount(0);
  // The flags are accessible (scanned before a row is opened: an open row is another screen).
  expect(await blockingAxe(page, '#dock-panel-log')).toEqual([]);

  // The message inspector lists the violation: side, contract, content path and problem.
  await broken.first().click();
  const inspector = page.getByRole('region', { name: /^Inspector for message / });
  const list = inspector.getByRole('list', { name: 'Contract violations of this message' });
  await expect(list).toContainText('receiver');
  await expect(list).toContainText('sink accepts inform');
  await expect(list).toContainText(/content\.data\.reading/);
  // The message details beside the log show the same section (its heading id its own).
  const details = page.getByRole('dialog', { name: 'Message details' });
  await expect(details.getByRole('list', { name: 'Contract violations of this message' })).toContainText('sink accepts inform');
  await expect(details.getByRole('heading', { name: /^Contract/ })).toHaveAttribute('id', 'details-contract');

  // The kept message's inspector says so.
  await kept.click();
  await expect(page.getByRole('region', { name: /^Inspector for message / })).toContainText('No contract violation seen for this message.');

  // An open row keeps every text's contrast (its performative too), in both themes.
  await expect(kept).toHaveClass(/is-open/);
  const html = page.locator('html');
  const first = await html.getAttribute('data-theme');
  expect(await blockingAxe(page, '#dock-panel-log')).toEqual([]);
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await expect(html).toHaveAttribute('data-theme', first === 'dark' ? 'light' : 'dark');
  expect(await blockingAxe(page, '#dock-panel-log')).toEqual([]);
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await expect(html).toHaveAttribute('data-theme', first ?? 'dark');

  // The link inspector lists them too.
  const box = (await link.locator('.link-edge').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const linkInspector = page.getByRole('region', { name: 'Inspector for link emitter – sink' });
  await expect(linkInspector).toContainText('3 contract violations on this link.');
  await expect(linkInspector.getByRole('list', { name: 'Contract violations between emitter and sink' }).getByRole('listitem')).toHaveCount(
    6, // three violations, each with one problem (a nested item)
  );

  // The Contracts tab counts them exactly.
  await page.getByRole('tab', { name: 'Contracts' }).click();
  await expect(page.getByLabel('Contract counts')).toContainText(/Violations\s*3(?!\d)/);
  await expect(page.getByRole('table', { name: 'Violations by contract' })).toContainText('sink accepts inform');
  await expect(page.getByRole('table', { name: 'Violations by contract' })).toContainText('3');

  // The flags and the tab are accessible: no serious or critical axe finding.
  expect(await blockingAxe(page, '#dock-panel-contracts')).toEqual([]);
  expect(await blockingAxe(page, '[aria-label="Inspector for link emitter – sink"]')).toEqual([]);
});

test('a refused contract file names each problem and keeps the contracts in use', async ({ page }) => {
  await openWorkbench(page);
  await useContracts(page, READING_AS_STRING);
  await expectInUse(page, 'sink');
  await useContracts(page, { ...READING_AS_STRING, version: '', kinds: { sink: { inform: { accepts: { type: 'strng' } } } } });
  const problems = page.getByRole('list', { name: 'Contract problems' });
  await expect(problems).toContainText('version');
  await expect(problems).toContainText('kinds.sink.inform.accepts');
  await expect(page.getByRole('alert').filter({ hasText: 'ORR601' }).first()).toBeVisible();
  await expectInUse(page, 'sink');
  await expectInUse(page, 'requester');
});

test('infer a draft contract from the live run, and use it', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('tab', { name: 'Contracts' }).click();
  await page.getByRole('button', { name: 'Infer draft from this run' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'ORR603' }).first()).toBeVisible();

  await loadPattern(page, 'Fire-and-forget', false);
  await expect(agentNode(page, 'sink')).toContainText('running', { timeout: 20_000 });
  await compose(page, { performative: 'request', receiver: 'emitter', content: {}, conversation_id: 'ff-2' });
  await send(page);
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(logRow(page, { performative: 'inform', sender: 'emitter', receiver: 'sink', content: 'reading' })).toHaveCount(3);

  await page.getByRole('tab', { name: 'Contracts' }).click();
  await page.getByRole('button', { name: 'Infer draft from this run' }).click();
  const draft = page.getByRole('region', { name: 'Draft contract' });
  // From the live tape: the whole run, not the kernel's last events.
  await expect(draft).toContainText(/Inferred from the whole run \([\d,]+ events\)\./);
  const kinds = draft.getByRole('table', { name: 'Draft contract kinds' });
  const cell = (name: string) => page.getByRole('cell', { name, exact: true });
  await expect(
    kinds
      .getByRole('row')
      .filter({ has: cell('requester') })
      .filter({ has: cell('request') }),
  ).toContainText('accepts');
  await expect(
    kinds
      .getByRole('row')
      .filter({ has: cell('sink') })
      .filter({ has: cell('inform') }),
  ).toContainText('accepts, sends');
  await expect(draft.getByLabel('Draft contract JSON')).toContainText('"reading"');

  await draft.getByRole('button', { name: 'Use draft as contracts' }).click();
  await expect(page.getByRole('table', { name: 'Contracts in use' })).toContainText('sink');
  // The run keeps the draft it was inferred from: another run flags nothing.
  await compose(page, { performative: 'request', receiver: 'emitter', content: {}, conversation_id: 'ff-3' });
  await send(page);
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(logRow(page, { performative: 'inform', sender: 'emitter', receiver: 'sink', content: 'reading' })).toHaveCount(6);
  await expect(messageLog(page).getByRole('img', { name: 'Contract violation' })).toHaveCount(0);
});
