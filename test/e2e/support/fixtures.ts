import { test as base, expect, type Page } from '@playwright/test';
import { removeDataDir, startAppliance, type RunningAppliance } from './appliance.js';

export interface PageProblems {
  /** Console errors, uncaught page errors and CSP violations seen so far, as readable lines. */
  list(): Promise<string[]>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * `appliance`: one headless appliance (fresh data folder, pinned clock) shared by the tests of a
 * worker. `problems`: what went wrong in the page, for tests that demand a clean console.
 */
export const test = base.extend<{ problems: PageProblems }, { appliance: RunningAppliance }>({
  appliance: [
    // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const appliance = await startAppliance();
      try {
        await use(appliance);
      } finally {
        await appliance.stop();
        await removeDataDir(appliance.dataDir);
      }
    },
    { scope: 'worker' },
  ],
  problems: async ({ page }, use) => {
    const seen: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') seen.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
    // Runs before the page's own scripts and is not subject to its CSP.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations?.push(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });
    await use({
      list: async () => [...seen, ...(await cspViolations(page))],
    });
  },
});

async function cspViolations(page: Page): Promise<string[]> {
  if (page.isClosed()) return [];
  return page.evaluate(() => window.__cspViolations ?? []);
}

export { expect };
