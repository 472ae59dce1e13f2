import { deploy } from '../dockHelpers';
import { agentNode, compose, expect, logRow, openWorkbench, send, test } from '../fixtures';

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

test('the inspector reconfigures an agent in place: its count survives new limits', async ({ page }) => {
  await openWorkbench(page);
  await deploy(page, 'Counter agent', 'counter-1');
  const increment = { performative: 'request', receiver: 'counter-1', content: { action: 'increment' } };
  for (let i = 0; i < 3; i++) {
    await compose(page, increment);
    await send(page);
  }
  await agentNode(page, 'counter-1').click();
  const kv = page.getByRole('table', { name: 'Key-value state' });
  await expect(kv.getByRole('row').filter({ hasText: 'count' })).toContainText('3');
  const section = page.getByRole('complementary').getByRole('group', { name: 'Resilience' });
  await section.getByText('Resilience', { exact: true }).click();
  const agentForm = section.getByRole('form', { name: 'Agent resilience' });
  // The form starts from the kernel's values.
  await expect(agentForm.getByRole('combobox', { name: 'Redelivery' })).toHaveValue('once');
  await expect(agentForm.getByRole('spinbutton', { name: 'Mailbox capacity' })).toHaveValue('10000');
  await agentForm.getByRole('combobox', { name: 'Redelivery' }).selectOption('never');
  await agentForm.getByRole('spinbutton', { name: 'Mailbox capacity' }).fill('100');
  await agentForm.getByRole('spinbutton', { name: 'Deadline' }).fill('2000'); // host-enforced: a new instance
  await agentForm.getByRole('button', { name: 'Apply settings' }).click();
  await expect(agentForm.getByRole('status')).toHaveText(/^counter-1 reconfigured and restarted/);
  await expect(agentNode(page, 'counter-1')).toContainText('running', { timeout: 20_000 });
  // Still selected, the form shows the values now in force.
  await expect(agentForm.getByRole('spinbutton', { name: 'Mailbox capacity' })).toHaveValue('100');
  await expect(agentForm.getByRole('spinbutton', { name: 'Deadline' })).toHaveValue('2000');
  await expect(agentForm.getByRole('combobox', { name: 'Redelivery' })).toHaveValue('never');

  await compose(page, { performative: 'request', receiver: 'counter-1', content: { action: 'get' } });
  await send(page);
  await page.getByRole('tab', { name: 'Log' }).click();
  // The third increment's answer, and the get's after the reconfigure: the same count.
  await expect(logRow(page, { performative: 'inform', sender: 'counter-1', receiver: 'you', content: '{"count":3}' })).toHaveCount(2);
  await expect(logRow(page, { performative: 'inform', sender: 'counter-1', receiver: 'you', content: '{"count":1}' })).toHaveCount(1);
  await expect(kv.getByRole('row').filter({ hasText: 'count' })).toContainText('3');
  await page.screenshot({ path: test.info().outputPath('resilience-section.png') });
});

test('an agent moves into a new group, and the group is edited in place', async ({ page }) => {
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await agentNode(page, 'echo-1').click();
  const section = page.getByRole('complementary').getByRole('group', { name: 'Resilience' });
  await section.getByText('Resilience', { exact: true }).click();
  await section.getByText('New supervision group', { exact: true }).click();
  const create = section.getByRole('form', { name: 'New supervision group' });
  await create.getByRole('textbox', { name: 'Group name' }).fill('sup');
  await create.getByRole('button', { name: 'Create group' }).click();
  await expect(create.getByRole('status')).toContainText('Group sup created');

  const agentForm = section.getByRole('form', { name: 'Agent resilience' });
  await agentForm.getByRole('combobox', { name: 'Supervision group' }).selectOption('sup');
  await agentForm.getByRole('button', { name: 'Apply settings' }).click();
  await expect(agentForm.getByRole('status')).toHaveText('echo-1 reconfigured.');
  const frame = page.getByRole('group', { name: 'group sup', exact: true });
  await expect(frame).toBeVisible();

  await frame.click({ position: { x: 12, y: 8 } });
  await expect(page.getByRole('region', { name: 'Inspector for sup' })).toBeVisible();
  // The section stays open from the agent.
  const groupSection = page.getByRole('complementary').getByRole('group', { name: 'Resilience' });
  const groupForm = groupSection.getByRole('form', { name: 'Group sup settings' });
  await expect(groupForm).toContainText('Members, in joining order: echo-1');
  await expect(groupForm.getByRole('spinbutton', { name: 'Intensity' })).toHaveValue('1');
  await groupForm.getByRole('combobox', { name: 'Strategy' }).selectOption('one_for_all');
  await groupForm.getByRole('spinbutton', { name: 'Intensity' }).fill('3');
  await groupForm.getByRole('button', { name: 'Apply group settings' }).click();
  await expect(groupForm.getByRole('status')).toContainText('Group sup reconfigured');
  await expect(groupForm.getByRole('spinbutton', { name: 'Intensity' })).toHaveValue('3');
  await expect(groupForm.getByRole('combobox', { name: 'Strategy' })).toHaveValue('one_for_all');
  await expect(agentNode(page, 'echo-1')).toContainText('running');
});
