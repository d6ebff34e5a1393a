import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { runCli } from '../support/run-cli.js';
import { DEMO_PRACTICE } from './support/console-page.js';
import { addStaff, signIn } from './support/sign-in.js';
import { expect, startTelephone, test, type Telephone } from './support/telephone.js';

/**
 * The "done means", tried as staff and an owner would: two practices, three people, a
 * phone booking waiting for review in each practice.
 */
const A = { id: DEMO_PRACTICE.id, name: DEMO_PRACTICE.name, number: '+15555550123' };
const B = { id: 'sunrise-vet', name: 'Sunrise Veterinary', number: '+15555550777' };
const OWNER = { name: 'Olivia Owner', password: 'owner-password-1' };
const DANA = { name: 'Dana Desk', password: 'dana-password-1' };
const BEN = { name: 'Ben Desk', password: 'ben-password-1' };

let phone: Telephone & { stop(): Promise<void> };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  phone = await startTelephone();
  const dir = phone.appliance.dataDir;
  const file = join(dir, 'sunrise.json');
  const demo = JSON.parse(JSON.stringify(DEMO_PRACTICE)) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...demo, id: B.id, name: B.name, phoneNumbers: [B.number] }));
  const imported = await runCli(['tenant', 'import', file], { FRONTDESK_DATA_DIR: dir });
  if (imported.code !== 0) throw new Error(imported.stderr);
  // Each practice gets a phone booking the receptionist was unsure of (whitening needs review).
  for (const [to, from, name] of [
    [A.number, '+15555552101', 'Amy Adams'],
    [B.number, '+15555552102', 'Bea Brown'],
  ] as const) {
    await expect.poll(async () => (await runCli(['tenant', 'list'], { FRONTDESK_DATA_DIR: dir })).stdout).toContain(B.id);
    const call = await phone.twilio.placeCall({ from, to });
    for (const line of ["I'd like a whitening consultation on Wednesday at 9 am", name, 'yes']) await call.say(line, { confidence: 0.93 });
    if (call.state !== 'ended') await call.hangup();
  }
  await addStaff(dir, OWNER.name, 'owner', OWNER.password);
  await addStaff(dir, DANA.name, 'desk', DANA.password, [A.id]);
  await addStaff(dir, BEN.name, 'desk', BEN.password, [B.id]);
});

test.afterAll(async () => {
  await phone?.stop();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Screens' });
const go = (page: Page, label: string) => nav(page).getByRole('link', { name: new RegExp(`^${label}`) }).click();

test('two people with different roles and practices each see only what they may', async ({ browser }) => {
  const dana = await browser.newPage();
  await signIn(dana, phone.appliance.consoleUrl, DANA.name, DANA.password, 'review');
  await expect(dana.getByRole('article', { name: 'Amy Adams' })).toBeVisible();
  await expect(dana.getByText('Bea Brown')).toHaveCount(0);
  await expect(nav(dana).getByRole('link', { name: /^Review/ })).toHaveAccessibleName('Review, 1 waiting');
  await go(dana, 'Calls');
  await expect(dana.getByRole('region', { name: 'Call history' })).toContainText('Amy Adams');
  await expect(dana.getByRole('region', { name: 'Call history' })).not.toContainText('Bea Brown');
  // A desk account has no settings to change and no practice picker for practices it cannot see.
  await expect(dana.getByRole('combobox', { name: 'Practice' })).toHaveCount(0);

  const ben = await browser.newPage();
  await signIn(ben, phone.appliance.consoleUrl, BEN.name, BEN.password, 'review');
  await expect(ben.getByRole('article', { name: 'Bea Brown' })).toBeVisible();
  await expect(ben.getByText('Amy Adams')).toHaveCount(0);

  // Signing out leaves the sign-in form, and a wrong password says so without saying which part was wrong.
  await ben.getByRole('button', { name: 'Sign out' }).click();
  await ben.getByLabel('Name').fill(BEN.name);
  await ben.getByLabel('Password').fill('not-it');
  await ben.getByRole('button', { name: 'Sign in' }).click();
  await expect(ben.getByRole('alert')).toHaveText('That name or password is wrong.');
  await dana.close();
  await ben.close();
});

test('the review badge and the list agree across two practices', async ({ page }) => {
  await signIn(page, phone.appliance.consoleUrl, OWNER.name, OWNER.password, 'review');
  const tab = nav(page).getByRole('link', { name: /^Review/ });
  const picker = page.getByRole('combobox', { name: 'Practice' });
  await expect(picker).toHaveValue('*');
  await expect(tab).toHaveAccessibleName('Review, 2 waiting');
  const cards = page.getByRole('list', { name: 'Waiting for review' }).getByRole('article');
  await expect(cards).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Waiting for review' })).toContainText(A.name);
  await expect(page.getByRole('list', { name: 'Waiting for review' })).toContainText(B.name);
  await picker.selectOption({ label: B.name });
  await expect(tab).toHaveAccessibleName('Review, 1 waiting');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Bea Brown');
  await picker.selectOption({ label: 'All practices' });
  await expect(cards).toHaveCount(2);
});

test("a rejected booking's call no longer says Booked", async ({ page }) => {
  await signIn(page, phone.appliance.consoleUrl, OWNER.name, OWNER.password, 'calls');
  const history = page.getByRole('region', { name: 'Call history' });
  const row = history.getByRole('link').filter({ hasText: 'Amy Adams' });
  await expect(row).toContainText('Booked, waiting for review');

  await go(page, 'Review');
  const card = page.getByRole('article', { name: 'Amy Adams' });
  await card.getByRole('button', { name: 'Reject' }).click();
  await card.getByLabel('Reason for rejecting').fill('Dr. Patel is away that day');
  await card.getByRole('button', { name: /Reject booking/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rejected' })).toBeVisible();

  await go(page, 'Calls');
  await expect(row).toContainText('Booking cancelled');
  await expect(row).not.toContainText(/\bBooked\b/);
});

test('a walk-in is booked for now by clicking the grid, with a local phone number', async ({ page }) => {
  await signIn(page, phone.appliance.consoleUrl, OWNER.name, OWNER.password, 'schedule');
  // The appliance's clock started at Monday 9:00 in New York and runs on: click Maria's column at "now".
  const column = page.locator('.schedule-col').nth(2);
  const now = column.locator('.schedule-now');
  const [colBox, nowBox] = [await column.boundingBox(), await now.boundingBox()];
  if (!colBox || !nowBox) throw new Error('the grid is not on screen');
  await page.mouse.click(colBox.x + colBox.width / 2, nowBox.y + 2);
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await expect(dialog).toContainText(/At Mon, Nov 23 · 9:(00|15) AM/);
  await expect(dialog).toContainText('Maria Gomez, RDH');
  await dialog.getByLabel('Customer phone').fill('555-0210');
  await dialog.getByLabel('Customer name').fill('Walter Inn');
  const book = dialog.getByRole('button', { name: /^Book Mon, Nov 23 · 9:(00|15) AM/ });
  // The button stays on screen at 1280×720.
  await expect(book).toBeInViewport();
  await book.click();
  await expect(page.getByRole('status').filter({ hasText: 'Booked Walter Inn' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Walter Inn with Maria Gomez, RDH/ })).toBeVisible();
  // Focus returns to the page, not lost.
  await expect(dialog).toHaveCount(0);
});

test('removing a provider with bookings is refused with the list', async ({ page }) => {
  await signIn(page, phone.appliance.consoleUrl, OWNER.name, OWNER.password, 'settings');
  // Her services stop naming her first, or the form itself refuses before the appliance is asked.
  const services = page.getByRole('region', { name: 'Services' });
  const hers = services.getByRole('checkbox', { name: 'Maria Gomez, RDH' });
  // locator.all() does not wait: on a slow machine the form may not have rendered yet, so wait for it first.
  await expect(hers.first()).toBeVisible();
  for (const box of await hers.all()) await box.uncheck();
  await expect(services.getByRole('checkbox', { name: 'Maria Gomez, RDH', checked: true })).toHaveCount(0);
  const providers = page.getByRole('region', { name: 'Providers' });
  await providers.getByRole('group', { name: /Maria Gomez/ }).getByRole('button', { name: 'Remove provider' }).click();
  await page.getByRole('button', { name: 'Save' }).first().click();
  const alert = page.getByRole('alert').filter({ hasText: 'did not save' });
  await expect(alert).toContainText('would leave 1 upcoming appointment');
  await expect(alert).toContainText(/Mon, Nov 23, 9:(00|15) AM · Teeth cleaning with Maria Gomez, RDH for Walter Inn/);
});

test('no screen a person reads shows an id, JSON or an epoch number', async ({ page }) => {
  await signIn(page, phone.appliance.consoleUrl, OWNER.name, OWNER.password, 'overview');
  const offenders: string[] = [];
  const scan = async (where: string) => {
    const text = await page.locator('body').innerText();
    const patterns: [string, RegExp][] = [
      ['an id', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
      ['an id', /\b(bright-smiles|sunrise-vet|dr-lee|dr-patel|new-provider|new-service)\b/],
      ['a call SID', /\b(CA|RH)[0-9a-f]{20,}\b/],
      ['JSON', /[{[]\s*"[^"]+"\s*:/],
      ['an epoch number', /\b1\d{9,12}\b/],
      ['developer words', /\b(IANA|E\.164|providerId|serviceId|tenantId)\b/],
    ];
    for (const [what, pattern] of patterns) {
      const found = pattern.exec(text);
      if (found) offenders.push(`${where}: ${what} "${found[0]}"`);
    }
  };
  for (const screen of ['Overview', 'Calls', 'Review', 'Schedule', 'Messages', 'Rehearsal', 'Settings']) {
    await go(page, screen);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await scan(screen);
  }
  // The detail views: a call with its actions, a booking with its history.
  await go(page, 'Calls');
  await page.getByRole('region', { name: 'Call history' }).getByRole('link').first().click();
  await expect(page.locator('.call-detail')).toContainText('What the receptionist did');
  await scan('Call detail');
  await go(page, 'Schedule');
  await page.getByRole('button', { name: /for Walter Inn with/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan('Booking detail');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  // The week for all providers, and the question a closing day with appointments asks.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' }).click();
  await expect(page.getByRole('list', { name: /^All providers, / })).toHaveCount(7);
  await scan('Schedule week, all providers');
  await go(page, 'Settings');
  const closures = page.getByRole('region', { name: 'Closures' });
  await closures.getByRole('button', { name: 'Add closure' }).click();
  await closures.getByRole('group', { name: /^Closure 5/ }).getByLabel('Date').fill('2026-11-23');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /on a day you are closing/ })).toContainText('Walter Inn');
  await scan('Closing a day with appointments');
  await page.getByRole('button', { name: 'Back to editing' }).click();
  expect(offenders).toEqual([]);
});
