import { fileURLToPath } from 'node:url';
import { agentNode, expect, openWorkbench, test } from '../fixtures';
import { canvas, deployByClick } from '../canvas/helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

test('a clicked agent lands at the centre of the view, the next one beside it, never on top', async ({ page }) => {
  await openWorkbench(page);
  const area = (await canvas(page).boundingBox())!;
  const first = (await (await deployByClick(page, 'Echo agent', 'echo-1')).boundingBox())!;
  const centre = { x: area.x + area.width / 2, y: area.y + area.height / 2 };
  expect(Math.abs(first.x + first.width / 2 - centre.x)).toBeLessThan(30);
  expect(Math.abs(first.y + first.height / 2 - centre.y)).toBeLessThan(30);

  const second = (await (await deployByClick(page, 'Echo agent', 'echo-2')).boundingBox())!;
  const third = (await (await deployByClick(page, 'Echo agent', 'echo-3')).boundingBox())!;
  const overlap = (a: typeof first, b: typeof first) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap(first, second)).toBe(false);
  expect(overlap(first, third)).toBe(false);
  expect(overlap(second, third)).toBe(false);
});

test('the palette keeps its order as agents are added, and the theme is kept across a reload', async ({ page }) => {
  // A reload restarts the workers: on a busy two-core machine that can take a while.
  test.setTimeout(180_000);
  await openWorkbench(page);
  const palette = page.getByRole('navigation', { name: 'Palette' });
  const before = await palette.getByRole('button').allTextContents();
  await deployByClick(page, 'Spinner agent', 'spinner-1');
  await deployByClick(page, 'Counter agent', 'counter-1');
  await deployByClick(page, 'Text agent', 'text-1');
  expect(await palette.getByRole('button').allTextContents()).toEqual(before);

  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const start = await theme();
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  const chosen = start === 'dark' ? 'light' : 'dark';
  await expect.poll(theme).toBe(chosen);
  await page.reload();
  // The theme applies from the first paint, before the workers are up.
  await expect.poll(theme).toBe(chosen);
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 120_000 });
  expect(await theme()).toBe(chosen);
  expect(await palette.getByRole('button').allTextContents()).toEqual(before);
});

test('adding a .wasm component says so (a status, not an alert)', async ({ page }) => {
  await openWorkbench(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add agent from file' }).click();
  await (await chooser).setFiles(fixture('probe-agent.wasm'));
  await expect(page.getByRole('status', { name: 'Canvas news' })).toContainText('Added probe-agent to the palette', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'probe-agent', exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the dock can take the whole window, and the Chaos lab opens in a window of its own', async ({ page, context }) => {
  await openWorkbench(page);
  await page.getByRole('tab', { name: 'Chaos' }).click();
  await expect(page.getByRole('region', { name: 'Experiment editor' })).toBeVisible({ timeout: 20_000 });
  const maximise = page.getByRole('button', { name: 'Maximise dock' });
  await maximise.click();
  await expect(maximise).toHaveAttribute('aria-pressed', 'true');
  await expect(canvas(page)).toBeHidden();
  const dock = (await page.getByRole('region', { name: 'Dock' }).boundingBox())!;
  expect(dock.width).toBeGreaterThan(1400);
  expect(dock.height).toBeGreaterThan(700);
  await maximise.click();
  await expect(canvas(page)).toBeVisible();

  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open Chaos in a new window' }).click();
  const lab = await opened;
  await lab.waitForLoadState();
  expect(new URL(lab.url()).searchParams.get('lab')).toBe('chaos');
  await expect(lab.getByRole('heading', { name: /Chaos lab/ })).toBeVisible();
  await expect(lab.getByRole('region', { name: 'Experiment editor' })).toBeVisible({ timeout: 30_000 });
  await expect(lab.getByRole('region', { name: 'Canvas' })).toHaveCount(0);
  expect(await lab.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  await lab.close();
  await expect(agentNode(page, 'nobody')).toHaveCount(0);
});
