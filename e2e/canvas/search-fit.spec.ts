import { agentNode, expect, openWorkbench, test } from '../fixtures';
import { canvas, deployByClick } from './helpers';

test('search highlights and focuses matching nodes; fit view brings everything back', async ({ page }) => {
  await openWorkbench(page);
  await deployByClick(page, 'Echo agent', 'echo-1');
  const counter = await deployByClick(page, 'Counter agent', 'counter-1');
  await deployByClick(page, 'Text agent', 'text-1');

  const search = page.getByRole('searchbox', { name: 'Search nodes' });
  await search.fill('count');
  await expect(page.getByRole('status').filter({ hasText: '1 match' })).toBeVisible();
  await expect(counter.locator('.agent-node')).toHaveClass(/is-match/);
  await expect(agentNode(page, 'echo-1').locator('.agent-node')).toHaveClass(/is-dimmed/);
  await search.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector for counter-1' })).toBeVisible();
  await search.fill('');
  await expect(agentNode(page, 'echo-1').locator('.agent-node')).not.toHaveClass(/is-dimmed/);

  // Pan the canvas far away: the nodes leave the view. Fit view brings them back.
  const area = (await canvas(page).boundingBox())!;
  await page.mouse.move(area.x + area.width - 120, area.y + area.height - 60);
  await page.mouse.down();
  await page.mouse.move(area.x + 10, area.y + 60, { steps: 10 });
  await page.mouse.up();
  await page.mouse.move(area.x + area.width - 120, area.y + area.height - 60);
  await page.mouse.down();
  await page.mouse.move(area.x + 10, area.y + 60, { steps: 10 });
  await page.mouse.up();
  // Off-screen nodes are not rendered at all (onlyRenderVisibleElements).
  const inView = async (name: string) => {
    if ((await agentNode(page, name).count()) === 0) return false;
    const box = await agentNode(page, name).boundingBox();
    return (
      !!box && box.x >= area.x && box.x + box.width <= area.x + area.width && box.y >= area.y && box.y + box.height <= area.y + area.height
    );
  };
  expect(await inView('echo-1')).toBe(false);
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect.poll(() => inView('echo-1')).toBe(true);
  await expect.poll(() => inView('text-1')).toBe(true);
  await expect(
    page
      .getByRole('img', { name: /Canvas overview/ })
      .or(page.getByLabel('Canvas overview'))
      .first(),
  ).toBeVisible();
});
