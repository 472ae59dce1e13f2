import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against the production build (`vite build` + `vite preview`):
 * closer to what people run, and no on-demand dependency optimisation mid-test.
 * Playwright cannot download browsers here, so Debian's Chromium is used when present.
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
// ORRERY_E2E_PORT lets several checkouts or engineers run the suite side by side: each
// port gets its own build directory, so concurrent builds never overwrite each other.
const PORT = Number(process.env.ORRERY_E2E_PORT ?? 4173);
const OUT_DIR = PORT === 4173 ? 'dist' : `.cache/dist-${PORT}`;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const CI = !!process.env.CI;

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // Two cores: each test runs a kernel worker and agent workers of its own.
  workers: CI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  outputDir: PORT === 4173 ? 'test-results' : `.cache/test-results-${PORT}`,
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    actionTimeout: 10_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: existsSync(SYSTEM_CHROMIUM)
          ? { executablePath: SYSTEM_CHROMIUM, args: chromiumArgs }
          : { args: chromiumArgs.filter((a) => a !== '--no-sandbox') },
      },
    },
  ],
  webServer: {
    command: `npx vite build --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    // Never reuse: a server left running from another tree would test stale code.
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
