import { expect, test as base, type Locator, type Page } from '@playwright/test';

/**
 * Every test runs with two guards: nothing may leave 127.0.0.1 (the workbench works
 * offline: Monaco, fonts and agents are bundled), and no uncaught error may reach the page.
 */
export const test = base.extend<{ guards: void }>({
  guards: [
    async ({ context, page }, use, testInfo) => {
      const external: string[] = [];
      const errors: string[] = [];
      context.on('request', (request) => {
        const url = request.url();
        if (/^(data|blob|about):/.test(url)) return;
        if (new URL(url).hostname !== '127.0.0.1') external.push(url);
      });
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      await use();
      if (errors.length > 0) await testInfo.attach('page-errors', { body: errors.join('\n\n') });
      expect(external, 'requests that left 127.0.0.1').toEqual([]);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Open the workbench and wait until the kernel has listed its agent kinds. */
export async function openWorkbench(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
}

export function agentNode(page: Page, name: string): Locator {
  return page.getByRole('group', { name: `agent ${name}`, exact: true });
}

export function messageLog(page: Page): Locator {
  return page.getByRole('table', { name: 'Message log' });
}

/**
 * Focus the composer and replace its text the way a person would: click the text, select
 * all, type. Leaves the caret at the end.
 */
export async function typeInComposer(page: Page, text: string): Promise<void> {
  await page.getByRole('tab', { name: 'Composer' }).click();
  // Monaco's input element is a zero-size element over the text; people click the text.
  const surface = page.getByRole('group', { name: 'Message editor' });
  const input = page.getByRole('textbox', { name: /Message composer/ });
  await expect(input).toBeAttached({ timeout: 20_000 });
  await surface.click();
  await expect(input).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText types the whole string as one input, so auto-closing brackets and quotes
  // do not double up the way key-by-key typing would.
  await page.keyboard.insertText(text);
}

export async function compose(page: Page, message: object): Promise<void> {
  await typeInComposer(page, JSON.stringify(message));
}

/** Click Send and wait for the Composer to say what became of the message (on its way, delivered or not). */
export async function send(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^(Sent as|Delivered to|Not delivered to)/ })).toBeVisible();
}

/** The log row of a message: performative, sender, receiver and (part of) its content. */
export function logRow(page: Page, row: { performative: string; sender: string; receiver: string; content: string }): Locator {
  const cell = (name: string) => page.getByRole('cell', { name, exact: true });
  return messageLog(page)
    .getByRole('row')
    .filter({ has: cell(row.performative) })
    .filter({ has: cell(row.sender) })
    .filter({ has: cell(row.receiver) })
    .filter({ hasText: row.content });
}
