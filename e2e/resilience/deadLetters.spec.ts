import { deploy } from '../dockHelpers';
import { compose, expect, openWorkbench, send, test } from '../fixtures';

test('a message to a stopped agent is dead-lettered and the tab counts it', async ({ page }) => {
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await expect(page.getByRole('tab', { name: 'Dead letters (0)' })).toBeVisible();

  await page.getByRole('region', { name: 'Inspector for echo-1' }).getByRole('button', { name: 'Stop', exact: true }).click();
  await compose(page, { performative: 'request', receiver: 'echo-1', content: { ping: 1 } });
  await send(page);

  const tab = page.getByRole('tab', { name: 'Dead letters (1)' });
  await expect(tab).toBeVisible();
  await tab.click();
  const table = page.getByRole('table', { name: 'Dead letters' });
  const row = table.getByRole('row').filter({ hasText: 'agent-stopped' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('echo-1');
  await expect(row).toContainText('you');
  await page.screenshot({ path: test.info().outputPath('dead-letters.png') });
});

test('the inspector sets a link policy and an agent restart policy', async ({ page }) => {
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  const section = page.getByRole('complementary').getByRole('group', { name: 'Resilience' });
  await section.getByText('Resilience', { exact: true }).click();
  const agentForm = section.getByRole('form', { name: 'Agent resilience' });
  await agentForm.getByRole('combobox', { name: 'Redelivery' }).selectOption('never');
  await agentForm.getByRole('spinbutton', { name: 'Mailbox capacity' }).fill('100');
  await agentForm.getByRole('button', { name: 'Apply and re-deploy' }).click();
  await expect(agentForm.getByRole('status')).toHaveText('echo-1 re-deployed with the new settings.');
  await page.screenshot({ path: test.info().outputPath('resilience-section.png') });
});
