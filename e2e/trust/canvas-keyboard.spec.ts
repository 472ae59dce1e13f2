import { agentNode, expect, openWorkbench, test } from '../fixtures';

test('two agents are deployed, linked, unlinked and removed with the keyboard alone', async ({ page }) => {
  await openWorkbench(page);
  // Palette items are buttons: focus and Enter deploys.
  await page.getByRole('button', { name: 'Echo agent', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(agentNode(page, 'echo-1')).toContainText('running', { timeout: 20_000 });
  await page.keyboard.press('Enter');
  await expect(agentNode(page, 'echo-2')).toContainText('running', { timeout: 20_000 });

  // Tab moves between nodes; Enter selects the focused one.
  await agentNode(page, 'echo-1').focus();
  await page.keyboard.press('Tab');
  await expect(agentNode(page, 'echo-2')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(agentNode(page, 'echo-1')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: /Inspector/ })).toContainText('echo-1');

  // L: "Link to…" — the other end is picked by keyboard.
  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: 'Link echo-1 to…' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('searchbox', { name: 'Filter nodes' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(picker.getByRole('button', { name: 'Link to echo-2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  const link = page.getByRole('group', { name: 'link echo-1 to echo-2' });
  await expect(link).toBeAttached();
  await expect(page.getByRole('banner')).toContainText('1 link');
  // The link shows its direction with an arrowhead.
  await expect(link.locator('path.link-edge')).toHaveAttribute('marker-end', 'url(#orrery-link-arrow)');

  // The link is focusable: Enter selects it, Delete removes it.
  await link.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(link).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('0 links');

  // The same for a node.
  await agentNode(page, 'echo-2').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(agentNode(page, 'echo-2')).toHaveCount(0);
  await expect(agentNode(page, 'echo-1')).toBeVisible();
});

test('the toolbar offers "Link to…" for one selected node; Escape closes the picker', async ({ page }) => {
  await openWorkbench(page);
  const linkTo = page.getByRole('toolbar', { name: 'Canvas tools' }).getByRole('button', { name: 'Link to…' });
  await expect(linkTo).toBeDisabled();
  await page.getByRole('button', { name: 'Topic', exact: true }).click();
  await page.getByRole('button', { name: 'Client', exact: true }).click();
  const client = page.getByRole('group', { name: 'client client-1' });
  await client.focus();
  await page.keyboard.press('Enter');
  await expect(linkTo).toBeEnabled();
  await linkTo.click();
  const picker = page.getByRole('dialog', { name: 'Link client-1 to…' });
  await expect(picker.getByRole('button', { name: 'Link to topic-1' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
});
