import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built console in Debian's Chromium against a real headless
 * appliance that each test file starts itself (see test/e2e/support). Run `npm run build` first.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Bounds on a hang, not speed targets: a loaded shared machine renders and answers slowly.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // The JSON report feeds the one-line summary CI prints (scripts/test-summary.mjs).
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 720 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
