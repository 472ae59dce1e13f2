/**
 * Performance measurements in the browser: not part of `npm test` (the main config only
 * matches `*.spec.ts`). Run: `npx playwright test -c e2e/perf/playwright.perf.config.ts`
 * (`ORRERY_E2E_PORT` picks the port and build directory, as for the e2e suite).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.perf.ts',
  retries: 0,
  workers: 1,
  timeout: 180_000,
  reporter: [['list']],
  // Tracing snapshots the DOM on every action: it would be measured with the page.
  use: { ...base.use, trace: 'off' },
  outputDir: fileURLToPath(new URL(`../../.cache/perf-results-${process.env.ORRERY_E2E_PORT ?? 4173}`, import.meta.url)),
  // The build and preview commands run from the repository root, as in the main config.
  webServer: {
    ...(base.webServer as NonNullable<PlaywrightTestConfig['webServer']> & object),
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  } as PlaywrightTestConfig['webServer'],
});
