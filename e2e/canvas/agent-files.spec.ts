import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { agentNode, expect, openWorkbench, test } from '../fixtures';
import { canvas, dragToCanvas } from './helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function chooseFile(page: Page, name: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add agent from file' }).click();
  await (await chooser).setFiles(fixture(name));
}

/** Drop a file on the canvas the way the browser does for a drag from the desktop. */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type: 'application/wasm' }));
      return dt;
    },
    { name, data: Array.from(bytes) },
  );
  const target = canvas(page);
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test('bad files each get a clear error naming the problem; nothing else changes', async ({ page }) => {
  await openWorkbench(page);
  const kindsBefore = await page.getByRole('navigation', { name: 'Palette' }).getByRole('button').count();

  const cases: [string, RegExp][] = [
    ['core-module.wasm', /ORR104.*core WebAssembly module, not a component/],
    ['empty.wasm', /ORR101.*empty/],
    ['corrupt.wasm', /ORR106/],
    ['wrong-world.wasm', /ORR10[78]/],
  ];
  for (const [file, problem] of cases) {
    await chooseFile(page, file);
    const alert = page.getByRole('alert').filter({ hasText: file });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert).toContainText(problem);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }

  // A huge file (over the 32 MiB limit) dropped on the canvas is refused before it is read.
  await page.evaluate(() => {
    const big = new File([new Uint8Array(33 * 1024 * 1024)], 'huge.wasm');
    const dt = new DataTransfer();
    dt.items.add(big);
    const target = document.querySelector('[data-drop-target="canvas"]')!;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  });
  await expect(page.getByRole('alert').filter({ hasText: 'huge.wasm' })).toContainText(/ORR102.*too large.*at most 32/);

  await expect(page.getByRole('navigation', { name: 'Palette' }).getByRole('button')).toHaveCount(kindsBefore);
  await expect(page.getByRole('group', { name: /^agent / })).toHaveCount(0);
});

test('a good component dropped on the canvas joins the palette and deploys', async ({ page }) => {
  await openWorkbench(page);
  await dropFile(page, 'probe-agent.wasm', new Uint8Array(await readFile(fixture('probe-agent.wasm'))));
  const item = page.getByRole('button', { name: 'probe-agent', exact: true });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);

  await dragToCanvas(page, 'probe-agent', 0.5, 0.5);
  const node = agentNode(page, 'probe-agent-1');
  await expect(node).toContainText('running', { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('custom-agent.png') });
});
