import { compose, expect, logRow, openWorkbench, send, test } from './fixtures';
import type { Page } from '@playwright/test';
import { deploy, typeInComposer } from './dockHelpers';

/** Monaco's suggestion list, as a screen reader announces it. */
const suggestions = (page: Page) => page.getByRole('group', { name: 'Message editor' }).getByRole('listbox', { name: 'Suggest' });

test.describe('the composer', () => {
  test.beforeEach(async ({ page }) => {
    await openWorkbench(page);
    await deploy(page, 'Echo agent', 'echo-1');
  });

  test('completes performatives and live agent names', async ({ page }) => {
    await typeInComposer(page, '{"performative": "in');
    // Typing inside a string opens quick suggestions, as it does for a person.
    await page.keyboard.type('f');
    await expect(
      suggestions(page)
        .getByRole('listitem', { name: /^"inform"/ })
        .first(),
    ).toBeVisible();
    await page.keyboard.press('Escape');

    await typeInComposer(page, '{"performative": "inform", "receiver": "e');
    await page.keyboard.type('c');
    await expect(
      suggestions(page)
        .getByRole('listitem', { name: /^"echo-1"/ })
        .first(),
    ).toBeVisible();
    await page.keyboard.press('Escape');

    // A newly deployed agent joins the completions.
    await deploy(page, 'Counter agent', 'counter-1');
    await typeInComposer(page, '{"performative": "inform", "receiver": "co');
    await page.keyboard.type('u');
    await expect(
      suggestions(page)
        .getByRole('listitem', { name: /^"counter-1"/ })
        .first(),
    ).toBeVisible();
  });

  test('marks a bad performative before sending', async ({ page }) => {
    await compose(page, { performative: 'shout', receiver: 'echo-1', content: {} });
    const problems = page.getByRole('list', { name: 'Problems' });
    await expect(problems).toContainText(/Kernel: performative: expected one of the 22 FIPA performatives/);
    await expect(problems).toContainText(/Value is not accepted/);
    await expect(page.getByRole('group', { name: 'Message editor' }).locator('.squiggly-error').first()).toBeAttached();
    // Fixing it clears the markers.
    await compose(page, { performative: 'inform', receiver: 'echo-1', content: {} });
    await expect(problems).toContainText('No problems');
  });

  test('flags an unknown receiver and a performative the receiver does not accept, then says what became of the message', async ({
    page,
  }) => {
    const problems = page.getByRole('list', { name: 'Problems' });
    const editor = page.getByRole('group', { name: 'Message editor' });
    await compose(page, { performative: 'request', receiver: 'echo-9', content: { text: 'anyone?' } });
    await expect(problems).toContainText('receiver: no agent or client is named "echo-9" (live: echo-1)');
    await expect(editor.locator('.squiggly-warning').first()).toBeAttached();

    // Sending anyway is allowed; the Composer then says the message was not delivered, and why.
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Not delivered to echo-9/ })).toContainText(
      /unknown-receiver.*It is in Dead letters/,
    );

    await compose(page, { performative: 'cfp', receiver: 'echo-1', content: {} });
    await expect(problems).toContainText('performative: echo-1 (echo) does not accept "cfp"');

    await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'hi' } });
    await expect(problems).toContainText('No problems');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Delivered to echo-1/ })).toBeVisible();
  });

  test('a template fills the editor', async ({ page }) => {
    await page.getByRole('tab', { name: 'Composer' }).click();
    await expect(page.getByRole('textbox', { name: /Message composer/ })).toBeAttached({ timeout: 20_000 });
    await page.getByRole('combobox', { name: 'Templates' }).selectOption({ label: 'Call for proposals (fipa-contract-net)' });
    const editor = page.getByRole('group', { name: 'Message editor' });
    await expect(editor).toContainText(/"performative":\s*"cfp"/);
    await expect(editor).toContainText(/fipa-contract-net/);
    await page.getByRole('combobox', { name: 'Templates' }).selectOption({ label: 'query-ref' });
    await expect(editor).toContainText(/"performative":\s*"query-ref"/);
    await expect(page.getByRole('list', { name: 'Problems' })).toContainText('No problems');
  });

  test('Send and wait shows the reply, or the timeout', async ({ page }) => {
    await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'ping' } });
    await page.getByRole('button', { name: 'Send and wait' }).click();
    const result = page.getByRole('status').filter({ hasText: /^Reply/ });
    await expect(result).toContainText('inform from echo-1');
    await expect(result).toContainText('"text": "ping"');

    // An inform gets no answer from echo: the kernel's timeout failure is shown.
    await compose(page, { performative: 'inform', receiver: 'echo-1', content: { text: 'no answer' } });
    await page.getByLabel('Timeout (ms)').fill('300');
    await page.getByRole('button', { name: 'Send and wait' }).click();
    await expect(page.getByRole('status').filter({ hasText: /timed out/ })).toContainText('failure from kernel');
  });

  test('history: resend and load back into the editor', async ({ page }) => {
    await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'again' } });
    await send(page);
    const history = page.getByRole('list', { name: 'Sent messages' });
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history).toContainText('request → echo-1');

    await history.getByRole('button', { name: 'Resend' }).first().click();
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await page.getByRole('tab', { name: 'Log' }).click();
    await expect(logRow(page, { performative: 'request', sender: 'you', receiver: 'echo-1', content: 'again' })).toHaveCount(2);
    await expect(logRow(page, { performative: 'inform', sender: 'echo-1', receiver: 'you', content: 'again' })).toHaveCount(2);

    await compose(page, { performative: 'inform', receiver: 'echo-1', content: { text: 'other' } });
    await history.getByRole('button', { name: 'Edit' }).first().click();
    await expect(page.getByRole('group', { name: 'Message editor' })).toContainText('again');
  });
});
