import { expect, type Locator, type Page } from '@playwright/test';
import { FakeTwilioRest } from '../../support/twilio/fake-twilio-rest.js';
import { SimulatedTwilio, type SimulatedCall } from '../../support/twilio/simulated-twilio.js';
import { removeDataDir, startAppliance, type RunningAppliance } from './appliance.js';
import { test as base } from './fixtures.js';

export const PUBLIC_URL = 'https://frontdesk.example.com';
export const ACCOUNT_SID = 'AC0000000000000000000000000000e2e0';
export const AUTH_TOKEN = 'e2e-auth-token-0123456789abcdef';
/** The demo practice's number and its front-desk transfer number. */
export const PRACTICE_NUMBER = '+15555550123';
export const TRANSFER_NUMBER = '+15555550100';

export interface Telephone {
  readonly appliance: RunningAppliance;
  /** Twilio's side of calls to the practice: place calls, speak as the caller, hear the answers. */
  readonly twilio: SimulatedTwilio;
  /** Twilio's REST API as the appliance reaches it (call updates, SMS), with every request recorded. */
  readonly rest: FakeTwilioRest;
  /** Rings the practice from `from` and has the caller say each line (speech confidence 0.93). */
  call(from: string, lines?: readonly string[]): Promise<SimulatedCall>;
  /** The REST call updates sent for one call. */
  callUpdates(call: SimulatedCall): { params: Record<string, string> }[];
}

/**
 * A headless appliance wired to a simulated Twilio: webhooks are signed over the public URL as
 * Twilio signs them, and the appliance's REST calls (takeover, transfer) land on a fake REST
 * server that really redirects the simulated call.
 */
export async function startTelephone(extraEnv: Record<string, string> = {}): Promise<Telephone & { stop(): Promise<void> }> {
  const rest = await new FakeTwilioRest({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  let appliance: RunningAppliance;
  try {
    appliance = await startAppliance({
      env: {
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_API_BASE: rest.baseUrl,
        FRONTDESK_PUBLIC_URL: PUBLIC_URL,
        ...extraEnv,
      },
    });
  } catch (error) {
    await rest.stop();
    throw error;
  }
  const webhookBase = appliance.webhookUrl.replace(/\/twilio\/voice$/, '');
  const twilio = new SimulatedTwilio({ webhookBase, publicUrl: PUBLIC_URL, authToken: AUTH_TOKEN, accountSid: ACCOUNT_SID });
  rest.attach(twilio);
  return {
    appliance,
    twilio,
    rest,
    async call(from, lines = []) {
      const call = await twilio.placeCall({ from, to: PRACTICE_NUMBER });
      for (const line of lines) {
        if (call.state !== 'listening') throw new Error(`The call is ${call.state} before "${line}"; heard: ${call.transcript.join(' | ')}`);
        await call.say(line, { confidence: 0.93 });
      }
      return call;
    },
    callUpdates(call) {
      return rest.requests.filter((r) => r.method === 'POST' && r.path === `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${call.sid}.json`);
    },
    async stop() {
      // Callers still on the line hang up, so the appliance's records close cleanly.
      for (const call of twilio.calls) if (call.state !== 'ended') await call.hangup().catch(() => undefined);
      await appliance.stop();
      await rest.stop();
      await removeDataDir(appliance.dataDir);
    },
  };
}

/** `phone`: one appliance with a simulated Twilio, shared by the tests of a worker. */
export const test = base.extend<object, { phone: Telephone }>({
  phone: [
    // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const telephone = await startTelephone();
      try {
        await use(telephone);
      } finally {
        await telephone.stop();
      }
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** A caller number no other test uses, so tests sharing an appliance never see each other's calls. */
let nextCaller = 0;
export function uniqueCaller(): string {
  nextCaller += 1;
  return `+1555555${2000 + nextCaller}`;
}

/** The Calls screen's regions, found the way a screen-reader user would find them. */
export function callsPage(page: Page) {
  const liveCalls = page.getByRole('region', { name: 'Live calls' });
  const detail = page.locator('.call-detail');
  return {
    liveCalls,
    history: page.getByRole('region', { name: 'Call history' }),
    detail,
    transcript: page.getByRole('log'),
    /** The live call row for a caller, by the formatted number on it. */
    liveCall: (formattedNumber: string): Locator => liveCalls.getByRole('link').filter({ hasText: formattedNumber }),
  };
}

/** "+15555551234" → "+1 (555) 555-1234", as the console shows it. */
export function formatted(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `+1 (${m[1]}) ${m[2]}-${m[3]}` : e164;
}

/** Opens the console on a screen and waits until it is connected. */
export async function openScreen(page: Page, consoleUrl: string, path: string, staffName?: string): Promise<void> {
  if (staffName !== undefined) {
    await page.addInitScript((name) => window.localStorage.setItem('frontdesk.staffName', name), staffName);
  }
  await page.goto(`${consoleUrl}#/${path}`);
  await expect(page.getByRole('banner').locator('.connection-pill')).toHaveText(/Connected/);
}

/** Controls on the page with no accessible name (aria-label, aria-labelledby, a <label>, or their text). */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('a, button, input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])'))
      .filter((element) => {
        const labelled = element.getAttribute('aria-labelledby')?.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim());
        const labels = 'labels' in element ? (element as HTMLInputElement).labels : null;
        const byLabel = labels ? Array.from(labels).some((label) => label.textContent?.trim()) : false;
        return !(element.getAttribute('aria-label')?.trim() || labelled || byLabel || element.textContent?.trim());
      })
      .map((element) => element.outerHTML.slice(0, 200)),
  );
}
