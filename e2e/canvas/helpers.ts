import type { Locator, Page } from '@playwright/test';
import { agentNode, expect } from '../fixtures';

export function canvas(page: Page): Locator {
  return page.getByRole('region', { name: 'Canvas' });
}

/** Press on a palette item and drag it onto the canvas at fractions of its size, like a person. */
export async function dragToCanvas(page: Page, item: string, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const from = await page.getByRole('button', { name: item, exact: true }).boundingBox();
  const to = await canvas(page).boundingBox();
  if (!from || !to) throw new Error('palette item or canvas is not laid out');
  const drop = { x: to.x + to.width * fx, y: to.y + to.height * fy };
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(drop.x, drop.y, { steps: 12 });
  await page.mouse.up();
  return drop;
}

/** Drag from one node's source handle to another's target handle. */
export async function wire(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.locator('.react-flow__handle.source').boundingBox();
  const b = await to.locator('.react-flow__handle.target').boundingBox();
  if (!a || !b) throw new Error('handles are not laid out');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

export async function deployByClick(page: Page, label: string, name: string): Promise<Locator> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const node = agentNode(page, name);
  await expect(node).toContainText('running', { timeout: 20_000 });
  return node;
}

export async function shiftClick(page: Page, node: Locator): Promise<void> {
  await node
    .locator('.agent-node-name, .plain-node-name')
    .first()
    .click({ modifiers: ['Shift'] });
}
