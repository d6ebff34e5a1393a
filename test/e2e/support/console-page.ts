import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

/** The demo practice the appliance loads into an empty data folder. */
export const DEMO_PRACTICE = JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/demo-practice.json', import.meta.url)), 'utf8')) as {
  id: string;
  name: string;
  timezone: string;
  phoneNumbers: string[];
  providers: unknown[];
  services: unknown[];
};

/** The console's regions and controls, found the way a screen-reader user would find them. */
export function consolePage(page: Page) {
  const healthRegion = page.getByRole('region', { name: 'Appliance health' });
  return {
    practices: page.getByRole('region', { name: 'Practices' }),
    health: healthRegion,
    liveCalls: page.getByRole('region', { name: 'Live calls' }),
    /** The always-present live region that carries the connection banner. */
    connectionStatus: page.getByRole('status').filter({ has: page.locator('.connection-banner') }),
    connectionBanner: page.locator('.connection-banner'),
    connectionPill: page.getByRole('banner').locator('.connection-pill'),
    /** The value (`<dd>`) next to a label (`<dt>`) in the health list. */
    healthValue: (label: string): Locator => healthRegion.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]'),
  };
}

/** Opens the console and waits until it shows live data. */
export async function openConsole(page: Page, consoleUrl: string) {
  await page.goto(consoleUrl);
  const view = consolePage(page);
  await expect(view.connectionPill).toHaveText(/Connected/);
  await expect(view.practices.getByRole('heading', { name: DEMO_PRACTICE.name })).toBeVisible();
  return view;
}

/** The per-launch WebSocket token, read from the console page as the browser would get it. */
export async function fetchConsoleToken(consoleUrl: string): Promise<string> {
  const html = await (await fetch(consoleUrl)).text();
  const token = /<meta name="frontdesk-console-token" content="([^"]+)">/.exec(html)?.[1];
  if (!token) throw new Error(`The console page has no token meta tag:\n${html}`);
  return token;
}

export function consoleSocketUrl(consoleUrl: string, token?: string): string {
  const url = new URL('/ws', consoleUrl);
  url.protocol = 'ws:';
  if (token !== undefined) url.searchParams.set('token', token);
  return url.toString();
}
