import type { ConsoleMessage, Page } from '@playwright/test';
import { deploy } from './dockHelpers';
import { compose, expect, openWorkbench, test } from './fixtures';

/**
 * The app runs under its Content-Security-Policy (vite.config.ts, docs/hosting.md): the
 * header is on the page and on every worker script, and a real session (deploy, send and
 * get a reply from a WebAssembly agent and from a JavaScript one, open the Chaos lab)
 * triggers no violation in the page or any worker.
 */

interface Violation {
  directive: string;
  blocked: string;
}

declare global {
  interface Window {
    cspViolations?: Violation[];
  }
}

/** Collects `securitypolicyviolation` events in the page, and CSP console errors from the page and its workers. */
function watchForViolations(page: Page): { consoleErrors: string[]; workerUrls: string[] } {
  const consoleErrors: string[] = [];
  const workerUrls: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text());
  };
  page.on('console', onConsole);
  page.on('worker', (worker) => {
    workerUrls.push(worker.url());
    worker.on('console', onConsole);
  });
  return { consoleErrors, workerUrls };
}

async function pageViolations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => window.cspViolations ?? []);
}

function expectStrictPolicy(policy: string | undefined): void {
  expect(policy, 'Content-Security-Policy header').toBeTruthy();
  const directives = new Map(
    policy!.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toContain("'wasm-unsafe-eval'");
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
  expect(directives.get('object-src')).toEqual(["'none'"]);
  // Nothing from other hosts: every source is a keyword, a scheme-only blob:/data:, or self.
  for (const [name, sources] of directives) {
    for (const source of sources) expect(source, `${name} source`).toMatch(/^('[a-z-]+'|blob:|data:)$/);
  }
}

test('the page and its workers are served under a strict CSP and run without a violation', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations!.push({ directive: event.violatedDirective, blocked: event.blockedURI });
    });
  });
  const { consoleErrors, workerUrls } = watchForViolations(page);

  const response = await page.goto('/');
  const headers = response!.headers();
  expectStrictPolicy(headers['content-security-policy']);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);

  // A session: the kernel starts, an echo agent is deployed and answers a message sent through the Composer.
  await openWorkbench(page);
  await deploy(page, 'Echo agent', 'echo-1');
  await compose(page, { performative: 'request', receiver: 'echo-1', content: { text: 'under policy' } });
  await page.getByRole('button', { name: 'Send and wait' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Reply/ })).toContainText('inform from echo-1');
  // A JavaScript (QuickJS) agent runs through jco's generated glue, imported from a blob: URL.
  await deploy(page, 'Greeter agent (JS)', 'greeter-1');
  await compose(page, { performative: 'request', receiver: 'greeter-1', content: { name: 'CSP' } });
  await page.getByRole('button', { name: 'Send and wait' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Reply/ })).toContainText('Hello, CSP', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Chaos' }).click();
  await expect(page.getByRole('form', { name: 'Experiment form' })).toBeVisible({ timeout: 20_000 });

  // Workers take their policy from their own script's response, not from the page.
  expect(workerUrls.length, 'workers started').toBeGreaterThan(0);
  for (const url of new Set(workerUrls.filter((u) => u.startsWith('http')))) {
    const worker = await page.request.get(url);
    expect(worker.headers()['content-security-policy'], url).toBe(headers['content-security-policy']);
    expect(worker.headers()['x-content-type-options'], url).toBe('nosniff');
  }

  expect(await pageViolations(page), 'securitypolicyviolation events').toEqual([]);
  expect(consoleErrors, 'CSP console errors').toEqual([]);

  // The watch is live and the policy enforced: an injected inline script is refused and
  // reported (once per policy: the header's and the page's <meta> copy).
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
  });
  await expect
    .poll(async () => new Set((await pageViolations(page)).map((v) => `${v.directive} ${v.blocked}`)))
    .toEqual(new Set(['script-src-elem inline']));
  expect(await page.evaluate(() => (window as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
});
