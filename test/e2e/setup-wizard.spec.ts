import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startForwarder } from '../support/fake-tunnel.js';
import { FakeTwilioRest } from '../support/twilio/fake-twilio-rest.js';
import { SimulatedTwilio } from '../support/twilio/simulated-twilio.js';
import { removeDataDir, startAppliance, type RunningAppliance } from './support/appliance.js';

const ACCOUNT = 'AC0123456789abcdef0123456789abcd10';
const TOKEN = 'wizard-token-6e1d9b3f7a2c4e8f';
const NUMBER = '+15555550123';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test.describe('the first-run wizard (a new owner, with the fakes)', () => {
  let rest: FakeTwilioRest;
  let appliance: RunningAppliance;
  const forwarders: { url: string; close(): Promise<void> }[] = [];

  test.beforeAll(async () => {
    rest = await new FakeTwilioRest({ accountSid: ACCOUNT, authToken: TOKEN }).start();
    rest.numbers.add({ phoneNumber: NUMBER, voiceUrl: 'https://demo.twilio.com/welcome/voice/' });
    rest.numbers.add({ phoneNumber: '+15555550124', voiceApplicationSid: 'AP0123456789abcdef0123456789abcdef' });
    appliance = await startAppliance({ env: { TWILIO_API_BASE: rest.baseUrl, FRONTDESK_LOG_LEVEL: 'debug' } });
  });
  test.afterAll(async () => {
    await appliance.stop();
    for (const f of forwarders) await f.close();
    await rest.stop();
    await removeDataDir(appliance.dataDir);
  });

  test('takes the SID, token and number, points the number at the public URL, turns green on a test call, and keeps the token secret', async ({ page }) => {
    test.setTimeout(120_000);
    const webhookBase = appliance.webhookUrl.replace(/\/twilio\/voice$/, '');
    // The practice's own public URL: a reverse proxy to this appliance's webhook port.
    const proxy = await startForwarder(webhookBase);
    forwarders.push(proxy);

    await page.goto(appliance.consoleUrl);
    await page.getByRole('complementary', { name: 'First-run set-up' }).getByRole('link', { name: 'Set up the phone' }).click();
    await expect(page.getByRole('heading', { name: 'Set up the phone' })).toBeVisible();
    const steps = page.getByRole('navigation', { name: 'Set-up steps' });

    // The wizard opens at the first step not yet done; the demo practice already counts as picked.
    await expect(steps.getByRole('link', { name: /Phone/ })).toHaveAttribute('aria-current', 'step');
    // 1. Practice: the demo, as it is.
    await steps.getByRole('link', { name: /Practice/ }).click();
    await page.getByRole('radio', { name: /Bright Smiles Dental/ }).check();
    await page.getByRole('button', { name: 'Use this practice' }).click();
    await expect(steps.locator('li[data-step="practice"]')).toHaveAttribute('data-done', 'true');

    // 2. Phone: a wrong token is refused in the owner's words and kept nowhere.
    await page.getByLabel('Account SID').fill(ACCOUNT);
    await page.getByLabel(/^Auth token/).fill('not-the-token');
    await page.getByRole('button', { name: 'Check with Twilio' }).click();
    await expect(page.getByText('Twilio refused that account SID and auth token.', { exact: false })).toBeVisible();
    await page.getByLabel(/^Auth token/).fill(TOKEN);
    await page.getByRole('button', { name: 'Check with Twilio' }).click();
    await expect(page.getByRole('radio', { name: /\+15555550123/ })).toBeVisible();
    await expect(page.getByText(/TwiML app .* overrides the webhooks/)).toBeVisible();
    await expect(page.getByLabel(/^Auth token/)).toHaveValue('');
    await expect(page.locator('.field-label', { hasText: 'Auth token' }).getByText('set', { exact: true })).toBeVisible();
    await page.getByRole('radio', { name: /\+15555550123/ }).check();
    await page.getByRole('button', { name: 'Answer this number' }).click();
    await expect(page.getByText('answers for this practice')).toBeVisible();
    await expect(steps.locator('li[data-step="phone"]')).toHaveAttribute('data-done', 'true');
    await page.getByRole('button', { name: 'Next: reachability' }).click();

    // 3. Reachability: the own URL, proven by the self-test and by reading the number back.
    await page.getByRole('radio', { name: /My own public URL/ }).check();
    await page.getByRole('textbox', { name: 'Public URL' }).fill(proxy.url);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText('Reaches this appliance')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Point here (read back)')).toBeVisible();
    await expect(steps.locator('li[data-step="reachability"]')).toHaveAttribute('data-done', 'true');
    const pointed = rest.numbers.get(NUMBER)!;
    expect(pointed).toMatchObject({ voice_url: `${proxy.url}/twilio/voice`, status_callback: `${proxy.url}/twilio/status`, sms_url: `${proxy.url}/twilio/sms` });
    await page.getByRole('button', { name: 'Next: test call' }).click();

    // 4. Test call: Twilio calls the voice URL it now holds for the number.
    await expect(page.getByText(`Call ${NUMBER} now`)).toBeVisible();
    const twilio = new SimulatedTwilio({ webhookBase: proxy.url, publicUrl: new URL(String(pointed.voice_url)).origin, authToken: TOKEN, accountSid: ACCOUNT });
    const call = await twilio.placeCall({ from: '+15555550177', to: NUMBER });
    expect(call.heard().join(' ')).toMatch(/Bright Smiles/);
    await expect(page.getByText('Call received')).toBeVisible();
    await expect(steps.locator('li[data-step="test-call"]')).toHaveAttribute('data-done', 'true');
    await call.hangup();
    await page.getByRole('button', { name: 'Next: go live' }).click();

    // 5. Live.
    await page.getByRole('button', { name: 'Go live' }).click();
    await expect(page.getByText('Frontdesk is answering your calls.')).toBeVisible();
    await expect(steps.locator('li[data-step="live"]')).toHaveAttribute('data-done', 'true');

    // Any step can be revisited from Settings; the token shows as "set", never as itself.
    await page.goto(`${appliance.consoleUrl}#/settings`);
    await page.getByRole('region', { name: 'Phone and reachability' }).getByRole('link', { name: 'Phone' }).click();
    await expect(page.getByLabel('Account SID')).toHaveValue(ACCOUNT);
    await expect(page.getByLabel(/^Auth token/)).toHaveValue('');
    await expect(page.getByRole('complementary', { name: 'First-run set-up' })).toHaveCount(0);
    expect(await page.content()).not.toContain(TOKEN);

    // A new public URL re-points the number.
    const moved = await startForwarder(webhookBase);
    forwarders.push(moved);
    await page.getByRole('link', { name: /Reachability/ }).click();
    await page.getByRole('textbox', { name: 'Public URL' }).fill(moved.url);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText(moved.url).first()).toBeVisible();
    await expect.poll(() => rest.numbers.get(NUMBER)?.voice_url).toBe(`${moved.url}/twilio/voice`);

    // The auth token is nowhere in plain text: data folder, logs, /api/health.
    const health = await (await fetch(`${appliance.consoleUrl}api/health`)).text();
    expect(health).not.toContain(TOKEN);
    expect(JSON.parse(health)).toMatchObject({ reachability: { tunnel: { state: 'up', url: moved.url }, numbers: [{ verified: true }] } });
    expect(appliance.stderr()).not.toContain(TOKEN);
    for (const file of filesUnder(appliance.dataDir)) expect(readFileSync(file).includes(Buffer.from(TOKEN)), file).toBe(false);
  });
});
