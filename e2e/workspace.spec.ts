import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { agentNode, compose, expect, openWorkbench, send, test } from './fixtures';
import { dragLink, expectSaved, openWorkspaces } from './workspaceHelpers';

const currentName = (page: import('@playwright/test').Page) => page.getByLabel('Current workspace');

async function deploy(page: import('@playwright/test').Page, label: string, name: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(agentNode(page, name)).toContainText('running', { timeout: 20_000 });
}

test('the workspace autosaves and comes back after a reload', async ({ page }) => {
  await openWorkbench(page);
  await expect(currentName(page)).toHaveText('Workspace 1');
  await deploy(page, 'Echo agent', 'echo-1');
  await deploy(page, 'Counter agent', 'counter-1');
  await dragLink(page, 'echo-1', 'counter-1');
  await expect(page.getByRole('group', { name: 'link echo-1 to counter-1' })).toBeAttached();
  await expectSaved(page, { agents: ['echo-1', 'counter-1'], links: ['echo-1-counter-1'] });
  const before = await agentNode(page, 'counter-1').boundingBox();

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  await expect(currentName(page)).toHaveText('Workspace 1');
  await expect(agentNode(page, 'echo-1')).toContainText('running', { timeout: 20_000 });
  await expect(agentNode(page, 'counter-1')).toContainText('running', { timeout: 20_000 });
  await expect(page.getByRole('group', { name: 'link echo-1 to counter-1' })).toBeAttached();
  await expect(page.getByRole('banner')).toContainText('1 link');
  const after = await agentNode(page, 'counter-1').boundingBox();
  expect(Math.abs(after!.x - before!.x)).toBeLessThan(8);
  expect(Math.abs(after!.y - before!.y)).toBeLessThan(8);
  await page.screenshot({ path: test.info().outputPath('restored.png') });
});

test('several named workspaces: new, rename, switch, delete', async ({ page }) => {
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await expectSaved(page, { name: 'Workspace 1', agents: ['echo-1'] });

  let panel = await openWorkspaces(page);
  await panel.getByRole('button', { name: 'New workspace' }).click();
  await expect(currentName(page)).toHaveText('Workspace 2');
  await expect(agentNode(page, 'echo-1')).toHaveCount(0);
  await panel.getByLabel('Workspace name').fill('Second');
  await panel.getByRole('button', { name: 'Rename' }).click();
  await expect(currentName(page)).toHaveText('Second');
  await page.keyboard.press('Escape');
  await deploy(page, 'Counter agent', 'counter-1');
  await expectSaved(page, { name: 'Second', agents: ['counter-1'] });

  panel = await openWorkspaces(page);
  await expect(panel.getByRole('button', { name: /^Open workspace/ })).toHaveText([/Second/, /Workspace 1/]);
  await panel.getByRole('button', { name: 'Open workspace Workspace 1' }).click();
  await expect(currentName(page)).toHaveText('Workspace 1');
  await expect(agentNode(page, 'echo-1')).toContainText('running', { timeout: 20_000 });
  await expect(agentNode(page, 'counter-1')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Open workspace Second' }).click();
  await expect(currentName(page)).toHaveText('Second');
  await expect(agentNode(page, 'counter-1')).toContainText('running', { timeout: 20_000 });
  await expect(agentNode(page, 'echo-1')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('menu.png') });

  await panel.getByRole('button', { name: 'Delete workspace Workspace 1' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete workspace "Workspace 1"?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByRole('button', { name: /^Open workspace/ })).toHaveText([/Second/]);
  await expect(currentName(page)).toHaveText('Second');
});

test('export to a .json file and import it into a fresh workspace', async ({ page }) => {
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await deploy(page, 'Counter agent', 'counter-1');
  await dragLink(page, 'echo-1', 'counter-1');
  await expectSaved(page, { agents: ['echo-1', 'counter-1'], links: ['echo-1-counter-1'] });

  let panel = await openWorkspaces(page);
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export workspace' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('workspace-1.orrery.json');
  const file = test.info().outputPath('export.json');
  await download.saveAs(file);
  const doc = JSON.parse(await readFile(file, 'utf8')) as { orrery: string; version: number; nodes: { name: string }[]; links: unknown[] };
  expect(doc).toMatchObject({ orrery: 'workspace', version: 2, name: 'Workspace 1', links: [{ a: 'echo-1', b: 'counter-1' }] });
  expect(doc.nodes.map((n) => n.name)).toEqual(['echo-1', 'counter-1']);

  await panel.getByRole('button', { name: 'New workspace' }).click();
  await expect(currentName(page)).toHaveText('Workspace 2');
  await expect(agentNode(page, 'echo-1')).toHaveCount(0);

  panel = await openWorkspaces(page);
  await panel.getByLabel('Import workspace…').setInputFiles(file);
  await expect(currentName(page)).toHaveText('Workspace 1 (2)');
  await expect(agentNode(page, 'echo-1')).toContainText('running', { timeout: 20_000 });
  await expect(agentNode(page, 'counter-1')).toContainText('running', { timeout: 20_000 });
  await expect(page.getByRole('group', { name: 'link echo-1 to counter-1' })).toBeAttached();
  await expect(panel.getByRole('button', { name: /^Open workspace/ })).toHaveCount(3);
});

test('a broken file is refused with the reason and the workspace stays as it was', async ({ page }) => {
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await expectSaved(page, { name: 'Workspace 1', agents: ['echo-1'] });
  const panel = await openWorkspaces(page);
  const input = panel.getByLabel('Import workspace…');

  const broken = {
    orrery: 'workspace',
    version: 2,
    name: 'Broken',
    nodes: [
      { type: 'agent', name: 'a', kind: 'teleporter' },
      { type: 'agent', name: 'a', kind: 'echo' },
    ],
    links: [{ a: 'a', b: 'ghost' }],
    modules: [],
    composerHistory: [],
  };
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const alert = page.getByRole('alert').filter({ hasText: 'broken.json was not imported' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('ORR208 nodes[0].kind: expected a known agent kind (');
  await expect(alert).toContainText('received "teleporter"');
  await expect(alert).toContainText('ORR205 nodes[1].name');
  await expect(alert).toContainText('ORR207 links[0].b: expected the name of a node in nodes[], received "ghost"');
  await page.screenshot({ path: test.info().outputPath('refused.png') });

  await input.setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{"orrery": "workspace", ') });
  await expect(page.getByRole('alert').filter({ hasText: 'notjson.json was not imported' })).toContainText(
    'ORR201 (root): expected JSON text',
  );

  await input.setInputFiles({
    name: 'future.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...broken, version: 9 })),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'future.json' })).toContainText(
    'ORR203 version: expected a whole number from 1 to 2, received 9',
  );

  const badModule = {
    ...broken,
    nodes: [],
    links: [],
    modules: [{ kind: `custom:${'ab'.repeat(32)}`, label: 'M', hash: 'ab'.repeat(32), bytes: '%%%' }],
  };
  await input.setInputFiles({ name: 'module.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(badModule)) });
  await expect(page.getByRole('alert').filter({ hasText: 'module.json' })).toContainText(
    'ORR209 modules[0].bytes: expected the component bytes as padded base64, received "%%%"',
  );

  // Untouched: same workspace, same agent, nothing new in the list.
  await expect(currentName(page)).toHaveText('Workspace 1');
  await expect(agentNode(page, 'echo-1')).toContainText('running');
  await expect(panel.getByRole('button', { name: /^Open workspace/ })).toHaveCount(1);
  await expectSaved(page, { name: 'Workspace 1', agents: ['echo-1'] });
});

test('saved chaos experiments are kept with the workspace and listed after a reload', async ({ page }) => {
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await page.getByRole('tab', { name: 'Chaos' }).click();
  const form = page.getByRole('form', { name: 'Experiment form' });
  await form.getByRole('textbox', { name: 'Name' }).fill('keep me');
  const saved = page.getByRole('group', { name: 'Saved experiments' });
  await saved.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saved.getByRole('combobox', { name: 'Saved experiment' })).toHaveValue('keep me');
  await expectSaved(page, { agents: ['echo-1'], experiments: ['keep me'] });

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  await expect(agentNode(page, 'echo-1')).toContainText('running', { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Chaos' }).click();
  const again = page.getByRole('group', { name: 'Saved experiments' }).getByRole('combobox', { name: 'Saved experiment' });
  await expect(again.getByRole('option')).toHaveText(['keep me']);
  await page.getByRole('group', { name: 'Saved experiments' }).getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Experiment form' }).getByRole('textbox', { name: 'Name' })).toHaveValue('keep me');
});

test('a custom agent module comes back after a reload: in the palette, deployed, answering', async ({ page }) => {
  await openWorkbench(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add agent from file' }).click();
  await (await chooser).setFiles(fileURLToPath(new URL('./fixtures/probe-agent.wasm', import.meta.url)));
  const item = page.getByRole('button', { name: 'probe-agent', exact: true });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await item.click();
  await expect(agentNode(page, 'probe-agent-1')).toContainText('running', { timeout: 30_000 });
  await expectSaved(page, { agents: ['probe-agent-1'], modules: [expect.stringMatching(/^custom:[0-9a-f]{64}$/) as unknown as string] });

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'probe-agent', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(agentNode(page, 'probe-agent-1')).toContainText('running', { timeout: 30_000 });

  // The probe sends back what it gets; the echo still carries the kernel's stamped id, so
  // the kernel refuses it and says so in the agent's log: proof the restored module ran.
  await compose(page, { performative: 'request', receiver: 'probe-agent-1', content: 'ping' });
  await send(page);
  await agentNode(page, 'probe-agent-1').click();
  const inspector = page.getByRole('region', { name: 'Inspector for probe-agent-1' });
  await expect(inspector.getByRole('region', { name: /^Logs/ })).toContainText('message not sent: id: expected no such field', {
    timeout: 20_000,
  });
});
