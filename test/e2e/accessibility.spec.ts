import type { Locator, Page } from '@playwright/test';
import { removeDataDir, startAppliance, type RunningAppliance } from './support/appliance.js';
import { fitsInViewport, lowContrastText } from './support/contrast.js';
import { DeskSocket } from './support/desk-socket.js';
import { unnamedControls } from './support/desk-screens.js';
import { expect, test } from './support/fixtures.js';

/**
 * Every screen and dialog at the 1280×720 the tests run in (playwright.config.ts): text contrast
 * at least 4.5:1 (3:1 when large), every control named, each dialog's action on screen, and
 * focus back on the control that opened a dialog once it closes.
 */
let appliance: RunningAppliance;

/** Every screen of the console (src/renderer/app/routes.ts), by hash path and title. */
const SCREENS = [
  ['overview', 'Overview'],
  ['calls', 'Calls'],
  ['review', 'Review'],
  ['schedule', 'Schedule'],
  ['messages', 'Messages'],
  ['inbox', 'Inbox'],
  ['rehearsal', 'Rehearsal'],
  ['settings', 'Settings'],
  ['setup', 'Setup'],
  ['people', 'People'],
] as const;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  appliance = await startAppliance();
  const desk = await DeskSocket.open(appliance.consoleUrl);
  // Something on the schedule and waiting for review, so badges and pills are on screen.
  await desk.call('bookings/create', { tenantId: 'bright-smiles', serviceId: 'exam', providerId: 'dr-lee', start: '2026-11-24T15:00', customer: { name: 'Ada Lovelace', phone: '+15555550142' } });
  desk.close();
});

test.afterAll(async () => {
  await appliance?.stop();
  if (appliance) await removeDataDir(appliance.dataDir);
});

async function openScreen(page: Page, path: string, label: string) {
  await page.goto(`${appliance.consoleUrl}#/${path}`);
  await expect(page.getByRole('banner').locator('.connection-pill')).toHaveText(/Connected/);
  await expect(page).toHaveTitle(`${label} · Frontdesk`);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
}

test('every screen\'s text has enough contrast, and every control a name', async ({ page }) => {
  const problems: string[] = [];
  for (const [path, label] of SCREENS) {
    await openScreen(page, path, label);
    for (const low of await lowContrastText(page)) problems.push(`${label}: "${low.text}" ${low.ratio}:1 (${low.color} on ${low.background})`);
    for (const control of await unnamedControls(page)) problems.push(`${label}: unnamed ${control}`);
  }
  expect(problems).toEqual([]);
});

/** Opens a dialog with `opener`, checks it fits and reads well, closes it with Cancel/Close, and expects focus back. */
async function checkDialog(page: Page, opener: Locator, name: string, action: string | RegExp) {
  await opener.focus();
  await page.keyboard.press('Enter');
  // One modal at a time: whichever opened.
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box && box.y >= 0 && box.y + box.height <= 720, `${name} fits in the window`).toBe(true);
  expect(await fitsInViewport(page, dialog.getByRole('button', { name: action }).first()), `${name}: "${String(action)}" is on screen`).toBe(true);
  expect(await lowContrastText(page), name).toEqual([]);
  expect(await unnamedControls(page), name).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener, `focus returns after ${name}`).toBeFocused();
}

test('every dialog fits 1280×720, reads well, and gives focus back to what opened it', async ({ page }) => {
  await openScreen(page, 'schedule', 'Schedule');
  for (let i = 0; i < 1; i++) await page.getByRole('button', { name: 'Next day' }).click();
  await checkDialog(page, page.getByRole('button', { name: 'New booking', exact: true }), 'New booking', /^Book/);
  const booking = page.getByRole('button', { name: /Ada Lovelace/ }).first();
  await checkDialog(page, booking, 'Booking details', 'Close');

  await openScreen(page, 'people', 'People');
  await checkDialog(page, page.getByRole('button', { name: 'Add a person' }), 'Add a person', 'Add person');
  await checkDialog(page, page.getByRole('button', { name: 'Add a practice' }), 'Add a practice', 'Add practice');
});
