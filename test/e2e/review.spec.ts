import { FakeTwilioRest } from '../support/twilio/fake-twilio-rest.js';
import { removeDataDir, startAppliance, type RunningAppliance } from './support/appliance.js';
import { DEMO_PRACTICE } from './support/console-page.js';
import { DeskSocket } from './support/desk-socket.js';
import { addStaff, signIn } from './support/sign-in.js';
import { SimulatedTwilio } from '../support/twilio/simulated-twilio.js';
import { expect, test } from './support/fixtures.js';
import { unnamedControls } from './support/desk-screens.js';

const ACCOUNT_SID = 'AC0000000000000000000000000000ae01';
const AUTH_TOKEN = 'review-e2e-auth-token-0123456789';
const TENANT = DEMO_PRACTICE.id;

let appliance: RunningAppliance;
let rest: FakeTwilioRest;
let desk: DeskSocket;
let twilio: SimulatedTwilio;
const PUBLIC_URL = 'https://frontdesk.example.com';
const STAFF = 'Sam Rivera';
const PASSWORD = 'sam-rivera-password';

test.beforeAll(async () => {
  rest = await new FakeTwilioRest({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  appliance = await startAppliance({
    env: { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_API_BASE: rest.baseUrl, FRONTDESK_PUBLIC_URL: 'https://frontdesk.example.com' },
  });
  twilio = new SimulatedTwilio({
    webhookBase: appliance.webhookUrl.replace(/\/twilio\/voice$/, ''),
    publicUrl: PUBLIC_URL,
    authToken: AUTH_TOKEN,
    accountSid: ACCOUNT_SID,
  });
  rest.attach(twilio);
  // Decisions are recorded under the signed-in person.
  await addStaff(appliance.dataDir, STAFF, 'owner', PASSWORD);
  desk = await DeskSocket.open(appliance.consoleUrl);
  await desk.call('session/sign-in', { name: STAFF, password: PASSWORD });
});

test.afterAll(async () => {
  desk?.close();
  await appliance?.stop();
  if (appliance) await removeDataDir(appliance.dataDir);
  await rest?.stop();
});

/**
 * A caller books a service that needs review, on a real (simulated Twilio) call: bookings from a
 * console rehearsal are never texted, and the decision's text is part of what is tested here.
 */
async function bookForReview(from: string, name: string, wish: string) {
  const call = await twilio.placeCall({ from, to: DEMO_PRACTICE.phoneNumbers[0]! });
  for (const line of [wish, name, 'yes']) await call.say(line, { confidence: 0.93 });
  await call.hangup();
  const queue = await desk.call('review/list', { tenantId: TENANT });
  const item = queue.find((i) => i.booking.customer?.name === name);
  if (!item) throw new Error(`No review item for ${name}. The call went:\n${call.transcript.join('\n')}`);
  return item;
}

test.describe('review queue', () => {
  test('approving confirms the booking (shown in the schedule) and texts the caller', async ({ page, problems }) => {
    const item = await bookForReview('+15555550199', 'Jane Doe', "I'd like a whitening consultation on Wednesday at 9 am");
    expect(item.booking.status).toBe('pending_review');

    await signIn(page, appliance.consoleUrl, STAFF, PASSWORD, 'review');
    const card = page.getByRole('article', { name: 'Jane Doe' });
    await expect(card).toBeVisible();
    await expect(card.getByRole('list', { name: 'Reasons' })).toContainText('Teeth whitening consultation needs review');
    await expect(card).toContainText('Dr. Raj Patel');
    await expect(card).toContainText('Wed, Nov 25 · 9:00 – 9:30 AM');
    await expect(card).toContainText('+1 (555) 555-0199');
    await expect(card.getByRole('region', { name: 'From the call' })).toContainText('Shall I book it?');

    // The decision is recorded under the signed-in person; nobody types a name.
    await expect(page.getByText('Decisions are recorded as')).toContainText('Sam Rivera');
    await card.getByRole('button', { name: 'Approve' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Approved: Jane Doe' })).toBeVisible();
    await expect(card).toHaveCount(0);

    const approved = await desk.call('bookings/get', { tenantId: TENANT, bookingId: item.booking.id });
    expect(approved.status).toBe('confirmed');
    expect(JSON.stringify(approved.history)).toContain('Sam Rivera');

    // The schedule shows it confirmed on its day.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Schedule' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Monday, November 23, 2026' })).toBeVisible();
    await page.getByRole('button', { name: 'Next day' }).click();
    await page.getByRole('button', { name: 'Next day' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Wednesday, November 25, 2026' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Dr. Raj Patel, Wed, Nov 25' }).getByRole('button', { name: /Jane Doe.*Confirmed$/ })).toBeVisible();

    // The confirmation text is in the durable outbox and reaches Twilio.
    await expect
      .poll(async () => (await desk.call('outbox/list', { tenantId: TENANT })).filter((sms) => sms.to === '+15555550199').map((sms) => sms.status))
      .toEqual([expect.stringMatching(/^(pending|sent)$/)]);
    await expect
      .poll(() => rest.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json') && r.params.To === '+15555550199').length)
      .toBe(1);
    const outbox = await desk.call('outbox/list', { tenantId: TENANT });
    expect(outbox.find((sms) => sms.to === '+15555550199')?.body).toMatch(/Nov(ember)? 25/);
    expect(await problems.list()).toEqual([]);
  });

  test('rejecting needs a reason and releases the slot', async ({ page }) => {
    const item = await bookForReview('+15555550177', 'John Roe', "I'd like a whitening consultation on Wednesday at 10 am");
    const free = async () =>
      (await desk.call('availability/list-slots', { tenantId: TENANT, serviceId: 'whitening', providerId: 'dr-patel', from: '2026-11-25', to: '2026-11-25' })).slots.some(
        (slot) => slot.start === item.booking.start,
      );
    expect(await free()).toBe(false);

    await signIn(page, appliance.consoleUrl, STAFF, PASSWORD, 'review');
    const card = page.getByRole('article', { name: 'John Roe' });
    await card.getByRole('button', { name: 'Reject…' }).click();
    const reason = card.getByRole('textbox', { name: 'Reason for rejecting' });
    await card.getByRole('button', { name: 'Reject booking' }).click();
    await expect(reason).toHaveAccessibleDescription(/Give a reason/);
    await reason.fill('Whitening needs an exam first');
    await card.getByRole('button', { name: 'Reject booking' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Rejected: John Roe' })).toBeVisible();
    await expect(card).toHaveCount(0);

    expect(await free()).toBe(true);
    const rejected = await desk.call('bookings/get', { tenantId: TENANT, bookingId: item.booking.id });
    expect(rejected.status).toBe('cancelled');
    expect(JSON.stringify(rejected.history)).toContain('Whitening needs an exam first');
  });

  test('changing picks another free time from live availability', async ({ page }) => {
    const item = await bookForReview('+15555550166', 'Mia Chen', "I'd like a whitening consultation on Wednesday at 11 am");
    expect(item.booking.start).toBe('2026-11-25T11:00:00-05:00');

    await signIn(page, appliance.consoleUrl, STAFF, PASSWORD, 'review');
    const card = page.getByRole('article', { name: 'Mia Chen' });
    await card.getByRole('button', { name: 'Change…' }).click();
    await expect(card.getByRole('combobox', { name: 'Service' })).toHaveValue('whitening');
    await expect(card.getByRole('combobox', { name: 'Provider' })).toHaveValue('dr-patel');
    const day = card.getByLabel('Day', { exact: true });
    await day.fill('2026-11-27');
    const times = card.getByRole('group', { name: /Free times on Fri, Nov 27/ });
    await expect(times).toBeVisible();
    // The times offered are exactly the appliance's free slots for that service, provider and day.
    const expected = (await desk.call('availability/list-slots', { tenantId: TENANT, serviceId: 'whitening', providerId: 'dr-patel', from: '2026-11-27', to: '2026-11-27' })).slots;
    await expect(times.getByRole('radio')).toHaveCount(expected.length);
    await times.getByRole('radio', { name: '10:00 AM' }).check();
    await card.getByRole('button', { name: 'Confirm Fri, Nov 27 · 10:00 AM' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Changed and confirmed: Mia Chen' })).toBeVisible();

    const changed = await desk.call('bookings/get', { tenantId: TENANT, bookingId: item.booking.id });
    expect(changed).toMatchObject({ status: 'confirmed', start: '2026-11-27T10:00:00-05:00', providerId: 'dr-patel' });
  });

  test('an empty queue says so, and every control is named', async ({ page }) => {
    await signIn(page, appliance.consoleUrl, STAFF, PASSWORD, 'review');
    await expect(page.getByText('Nothing waiting for review')).toBeVisible();
    expect(await unnamedControls(page)).toEqual([]);
  });

  test('screenshot at 1280×720 for people to look at', async ({ page }) => {
    await bookForReview('+15555550155', 'Olivia Park', "I'd like a whitening consultation on Friday at 9 am");
    await bookForReview('+15555550144', 'Ben Carter', "I'd like a whitening consultation on Monday at 2 pm");
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page, appliance.consoleUrl, STAFF, PASSWORD, 'review');
    await expect(page.getByRole('article', { name: 'Olivia Park' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Ben Carter' })).toBeVisible();
    await page.screenshot({ path: 'test-results/review-1280x720.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'test-results/review-1920x1080.png' });
  });
});
