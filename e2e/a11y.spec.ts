import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { deploy } from './dockHelpers';
import { agentNode, compose, expect, openWorkbench, send, test } from './fixtures';

/**
 * An axe scan of the main screen and of every dock tab and lab, each showing real content
 * (an agent, a reply in the log, a dead letter, an inspected agent): no serious or critical
 * violation anywhere. One run lists every screen's problems, not only the first.
 */

const BLOCKING = new Set(['serious', 'critical']);

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  /** axe's own words for each element, e.g. the measured contrast ratio. */
  detail: string;
}

/** Scans the whole page, or only `within` (a CSS selector): the rest was scanned already. */
async function scan(page: Page, screen: string, within?: string): Promise<Finding[]> {
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      screen,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      detail: v.nodes
        .slice(0, 5)
        .map((n) => n.failureSummary ?? '')
        .join('\n'),
    }));
}

async function showTab(page: Page, name: string | RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `[${f.screen}] ${f.impact} ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme} theme: the main screen, every dock tab and the inspector have no serious or critical axe violations`, async ({
    page,
  }) => {
    // Each full scan takes seconds on a busy 2-core machine: the tabs and the inspector are
    // scanned on their own, after one scan of the whole screen.
    test.setTimeout(300_000);
    // The theme follows the system preference until the user picks one.
    await page.emulateMedia({ colorScheme });
    await openWorkbench(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await deploy(page, 'Echo agent', 'echo-1');
    await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'hello' } });
    await send(page);
    // A message to nobody, so Dead letters has a row to scan.
    await compose(page, { performative: 'inform', receiver: 'nobody', content: {} });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Not delivered to nobody/ })).toBeVisible();

    const findings: Finding[] = [];
    findings.push(...(await scan(page, 'main screen, Composer')));

    await showTab(page, 'Log');
    await expect(page.getByRole('table', { name: 'Message log' }).getByRole('row').nth(1)).toBeVisible();
    findings.push(...(await scan(page, 'Log', '#dock-panel-log')));

    await showTab(page, 'Sequence');
    findings.push(...(await scan(page, 'Sequence', '#dock-panel-sequence')));

    await showTab(page, 'Chaos');
    await expect(page.getByRole('form', { name: 'Experiment form' })).toBeVisible({ timeout: 20_000 });
    findings.push(...(await scan(page, 'Chaos', '#dock-panel-chaos')));

    await showTab(page, /^Dead letters/);
    findings.push(...(await scan(page, 'Dead letters', '#dock-panel-dead-letters')));

    await agentNode(page, 'echo-1').locator('.agent-node-name').click();
    await expect(page.getByRole('region', { name: 'Inspector for echo-1' })).toBeVisible();
    findings.push(...(await scan(page, 'Inspector (echo-1)', '[aria-label="Inspector for echo-1"]')));

    if (findings.length > 0) writeFileSync(test.info().outputPath('axe-findings.json'), JSON.stringify(findings, null, 2));
    expect(findings, describeFindings(findings)).toEqual([]);
  });
}
