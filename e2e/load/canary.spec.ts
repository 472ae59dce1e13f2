import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { canvas } from '../canvas/helpers';
import { agentNode, expect, openWorkbench, test } from '../fixtures';

interface CanaryFile {
  name: string;
  scenarios: Record<string, unknown>;
  canary: { stable: string; canary: { name: string }; stages: unknown[] };
}

const FILE = JSON.parse(readFileSync('examples/canary-rollback.load.json', 'utf8')) as CanaryFile;

/** Pick a ready scenario in the Load tab and run it in the given mode. */
async function runReadyScenario(page: Page, name: string, mode: 'simulation' | 'live'): Promise<void> {
  await page.getByRole('tab', { name: 'Load' }).click();
  const gallery = page.getByRole('group', { name: 'Ready scenarios' });
  await gallery.getByRole('combobox', { name: 'Ready scenario' }).selectOption({ label: name });
  await gallery.getByRole('button', { name: 'Use scenario' }).click();
  const controls = page.getByRole('group', { name: 'Run controls' });
  await controls.getByRole('combobox', { name: 'Mode' }).selectOption(mode);
  await controls.getByRole('button', { name: 'Run', exact: true }).click();
}

test('a canary whose agent fails rolls back; the canvas shows the virtual users, the load on the links, the split, the stage and the verdict', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const scenario = Object.keys(FILE.scenarios)[0]!;
  const stable = FILE.canary.stable;
  const next = FILE.canary.canary.name;
  const stages = FILE.canary.stages.length;
  await openWorkbench(page);
  // Live: the run's client, its links and the canary are the workbench's own nodes.
  await runReadyScenario(page, FILE.name, 'live');
  const view = canvas(page);

  // The scenario's client stands for its virtual users, wired to its target by a link coloured by its load.
  const client = view.getByRole('group', { name: new RegExp(`^client ${scenario}, \\d+ virtual users?$`) });
  await expect(client).toBeVisible({ timeout: 30_000 });
  await expect(client).toContainText(/\d+\/\d+ VUs/);
  const legend = view.getByRole('complementary', { name: 'Link load legend' });
  await expect(legend.getByRole('listitem')).toHaveText(['under 10 msg/s', '10–100 msg/s', '100–1,000 msg/s', '1,000 msg/s and more']);
  const toStable = view.getByRole('group', { name: `link ${scenario} to ${stable}`, exact: true });
  await expect(toStable.locator('.link')).toHaveAttribute('data-load', /^load [1-4] of 4: /);

  // The canary release: a split link to each side with its share, and the stage.
  const release = view.getByRole('region', { name: 'Canary release' });
  await expect(release.getByRole('status', { name: 'Canary stage' })).toHaveText(new RegExp(`^stage [1-${stages}]/${stages} · \\d+ %$`));
  await expect(
    release.getByRole('img', { name: new RegExp(`^Traffic split: stable ${stable} \\d+ %, canary ${next} \\d+ %$`) }),
  ).toBeVisible();
  await expect(toStable).toContainText(/stable \d+ %/);
  await expect(view.getByRole('group', { name: `link ${scenario} to ${next}`, exact: true })).toContainText(/canary \d+ %/);
  await expect(agentNode(page, next)).toContainText(/canary \d+ %/);

  // The new version answers not-understood: the first stage fails, the traffic goes back, the canary drains and stops.
  const verdict = release.getByRole('status', { name: 'Canary verdict' });
  await expect(verdict).toHaveText(/rolled back$/, { timeout: 90_000 });
  // Why: its error rate (or, on a machine too busy to send the stage its requests, too few to judge it).
  await expect(release).toContainText(/error rate|too few requests/);
  await expect(release.getByRole('status', { name: 'Canary stage' })).toHaveText(`stage 1/${stages} · 0 %`);
  await expect(release.getByRole('img', { name: `Traffic split: stable ${stable} 100 %, canary ${next} 0 %` })).toBeVisible();
  await expect(agentNode(page, next)).toContainText('stopped');

  // Once the run ends the links look as they do outside a run; the verdict stays.
  await page.getByRole('group', { name: 'Run controls' }).getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Load status' })).toContainText(/ (passed|failed)\b/, { timeout: 60_000 });
  await expect(legend).toBeHidden();
  await expect(toStable.locator('.link')).not.toHaveAttribute('data-load-step', /.*/);
  await expect(view.locator('.link[data-load-step]')).toHaveCount(0);
  await expect(view.getByRole('group', { name: `client ${scenario}`, exact: true })).toBeVisible();
  await expect(verdict).toHaveText(/rolled back$/);
});

test('in simulated time the canvas tells the same canary story from the run’s progress alone', async ({ page }) => {
  test.setTimeout(120_000);
  const stable = FILE.canary.stable;
  const next = FILE.canary.canary.name;
  const stages = FILE.canary.stages.length;
  await openWorkbench(page);
  await runReadyScenario(page, FILE.name, 'simulation');
  await expect(page.getByRole('status', { name: 'Load status' })).toContainText(/ (passed|failed)\b/, { timeout: 90_000 });

  // The simulation's agents are not the workbench's: the canary panel draws the split itself.
  const release = canvas(page).getByRole('region', { name: 'Canary release' });
  await expect(release.getByRole('status', { name: 'Canary verdict' })).toHaveText(/rolled back$/);
  await expect(release.getByRole('status', { name: 'Canary stage' })).toHaveText(`stage 1/${stages} · 0 %`);
  await expect(release.getByRole('img', { name: `Traffic split: stable ${stable} 100 %, canary ${next} 0 %` })).toBeVisible();
  await expect(release).toContainText(/error rate/);
  await expect(canvas(page).getByRole('complementary', { name: 'Link load legend' })).toBeHidden();
});
