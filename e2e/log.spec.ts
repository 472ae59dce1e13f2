import { compose, expect, logRow, messageLog, openWorkbench, send, test } from './fixtures';
import { bodyRows, deploy } from './dockHelpers';

test.describe('the message log', () => {
  test.beforeEach(async ({ page }) => {
    await openWorkbench(page);
    await deploy(page, 'Echo agent', 'echo-1');
    await deploy(page, 'Counter agent', 'counter-1');
  });

  test('each filter narrows the rows', async ({ page }) => {
    await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'alpha' }, conversation_id: 'conv-a' });
    await send(page);
    await compose(page, { performative: 'query-ref', receiver: 'echo-1', content: { text: 'beta' }, conversation_id: 'conv-b' });
    await send(page);
    await compose(page, { performative: 'inform', receiver: 'counter-1', content: { note: 'gamma' } });
    await send(page);
    await page.getByRole('tab', { name: 'Log' }).click();
    // request + inform, query-ref + inform, inform + the counter's not-understood: wait for the
    // last replies before counting, or a late row makes the count race the log.
    await expect(logRow(page, { performative: 'inform', sender: 'echo-1', receiver: 'you', content: 'beta' })).toHaveCount(1);
    await expect(logRow(page, { performative: 'not-understood', sender: 'counter-1', receiver: 'you', content: 'inform' })).toHaveCount(1);
    const all = await bodyRows(page).count();
    expect(all).toBe(6);

    await page.getByRole('combobox', { name: 'Filter by agent' }).selectOption('counter-1');
    await expect(bodyRows(page).first()).toContainText('counter-1');
    const counterRows = await bodyRows(page).count();
    expect(counterRows).toBeLessThan(all);
    for (const row of await bodyRows(page).all()) await expect(row).toContainText('counter-1');
    await page.getByRole('combobox', { name: 'Filter by agent' }).selectOption('');

    await page.getByRole('combobox', { name: 'Filter by performative' }).selectOption('query-ref');
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(bodyRows(page)).toContainText('beta');
    await page.getByRole('combobox', { name: 'Filter by performative' }).selectOption('');

    await page.getByRole('searchbox', { name: 'Filter by conversation' }).fill('conv-a');
    await expect(bodyRows(page)).toHaveCount(2);
    await expect(bodyRows(page).nth(0)).toContainText('request');
    await expect(bodyRows(page).nth(1)).toContainText('inform');
    await page.getByRole('searchbox', { name: 'Filter by conversation' }).fill('');

    await page.getByRole('searchbox', { name: 'Search messages' }).fill('gamma');
    await expect(bodyRows(page).first()).toContainText('gamma');
    for (const row of await bodyRows(page).all()) await expect(row).toContainText('gamma');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(bodyRows(page)).toHaveCount(all);
  });

  test('pause buffers new messages; resume shows them', async ({ page }) => {
    await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'before' } });
    await send(page);
    await page.getByRole('tab', { name: 'Log' }).click();
    await expect(bodyRows(page)).toHaveCount(2);
    await page.getByRole('button', { name: 'Pause' }).click();

    await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'during' } });
    await send(page);
    await page.getByRole('tab', { name: 'Log' }).click();
    await expect(page.getByRole('status').filter({ hasText: '2 buffered' })).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(2);
    await expect(messageLog(page)).not.toContainText('during');

    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(bodyRows(page)).toHaveCount(4);
    await expect(logRow(page, { performative: 'inform', sender: 'echo-1', receiver: 'you', content: 'during' })).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: 'buffered' })).toHaveCount(0);
  });

  test('a row opens its details, which link to the reply, the parties and the conversation', async ({ page }) => {
    await compose(page, {
      performative: 'request',
      receiver: 'echo-1',
      content: { text: 'details' },
      reply_with: 'r-9',
      conversation_id: 'conv-d',
    });
    await send(page);
    await page.getByRole('tab', { name: 'Log' }).click();
    await logRow(page, { performative: 'request', sender: 'you', receiver: 'echo-1', content: 'details' }).click();

    const details = page.getByRole('dialog', { name: 'Message details' });
    await expect(details).toBeVisible();
    await expect(details.getByLabel('Envelope')).toContainText('"reply_with": "r-9"');
    await details.getByRole('button', { name: 'Open reply' }).click();
    await expect(details.getByLabel('Envelope')).toContainText('"in_reply_to": "r-9"');
    await expect(details.getByLabel('Envelope')).toContainText('"sender": "echo-1"');
    await details.getByRole('button', { name: 'Open request' }).click();
    await expect(details.getByLabel('Envelope')).toContainText('"sender": "you"');

    await details.getByRole('button', { name: 'Select receiver echo-1' }).click();
    await expect(page.getByRole('region', { name: 'Inspector for echo-1' })).toBeVisible();

    await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'elsewhere' } });
    await send(page);
    await page.getByRole('tab', { name: 'Log' }).click();
    await expect(bodyRows(page)).toHaveCount(4);
    await details.getByRole('button', { name: 'Show conversation conv-d' }).click();
    await expect(bodyRows(page)).toHaveCount(2);
    await expect(page.getByRole('searchbox', { name: 'Filter by conversation' })).toHaveValue('conv-d');
    await details.getByRole('button', { name: 'Close message details' }).click();
    await expect(details).toHaveCount(0);
  });
});

test('stays virtualized with thousands of rows', async ({ page }) => {
  test.setTimeout(120_000);
  // Bulk traffic through the real kernel: 5,000 requests to echo → 10,000 rows.
  await page.goto('/?debug');
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  await deploy(page, 'Echo agent', 'echo-1');
  await page.getByRole('tab', { name: 'Log' }).click();
  await page.evaluate(async () => {
    const { api } = (globalThis as unknown as { __orrery: { api: { send(d: unknown): Promise<unknown> } } }).__orrery;
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 5000; i++) sends.push(api.send({ performative: 'request', receiver: 'echo-1', content: { n: i, text: 'bulk' } }));
    await Promise.all(sends);
  });
  const table = messageLog(page);
  await expect(table).toHaveAttribute('aria-rowcount', '10001', { timeout: 60_000 });
  // Only the visible slice is in the DOM.
  expect(await bodyRows(page).count()).toBeLessThan(80);
  await expect(bodyRows(page).last()).toContainText('"n":4999');
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('"n":123,');
  await expect(table).toHaveAttribute('aria-rowcount', '3');
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('');
  await page.getByRole('combobox', { name: 'Filter by performative' }).selectOption('inform');
  await expect(table).toHaveAttribute('aria-rowcount', '5001');
  expect(await bodyRows(page).count()).toBeLessThan(80);
});
