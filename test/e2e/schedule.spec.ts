import type { Locator, Page } from '@playwright/test';
import { DEMO_PRACTICE } from './support/console-page.js';
import { DeskSocket, rehearseCall } from './support/desk-socket.js';
import { openDeskScreen, unnamedControls } from './support/desk-screens.js';
import { expect, test } from './support/fixtures.js';

const TENANT = DEMO_PRACTICE.id;

let desk: DeskSocket;

test.beforeAll(async ({ appliance }) => {
  desk = await DeskSocket.open(appliance.consoleUrl);
});

test.afterAll(() => desk?.close());

/** Goes from today (Monday, Nov 23, on the pinned clock) to `title` with the Next button. */
async function goToDay(page: Page, title: string, clicks: number) {
  await expect(page.getByRole('heading', { level: 2, name: 'Monday, November 23, 2026' })).toBeVisible();
  for (let i = 0; i < clicks; i++) await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

function column(page: Page, name: string): Locator {
  return page.getByRole('list', { name });
}

test.describe('schedule', () => {
  test('staff book a free slot, move it and cancel it', async ({ page, appliance, problems }) => {
    await openDeskScreen(page, appliance.consoleUrl, 'schedule');
    await goToDay(page, 'Tuesday, November 24, 2026', 1);

    await page.getByRole('button', { name: 'New booking', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New booking' });
    await dialog.getByRole('combobox', { name: 'Service' }).selectOption('cleaning');
    await dialog.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Maria Gomez, RDH' });
    await expect(dialog.getByLabel('Day', { exact: true })).toHaveValue('2026-11-24');
    await dialog.getByRole('radio', { name: '10:00 AM' }).check();
    await dialog.getByRole('textbox', { name: 'Customer phone' }).fill('(555) 555-0142');
    await dialog.getByRole('textbox', { name: 'Customer name' }).fill('Ada Lovelace');
    await dialog.getByRole('button', { name: 'Book Tue, Nov 24 · 10:00 AM' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Booked Ada Lovelace' })).toBeVisible();

    const maria = column(page, 'Maria Gomez, RDH, Tue, Nov 24');
    const booked = maria.getByRole('button', { name: '10:00 – 10:45 AM, Teeth cleaning for Ada Lovelace with Maria Gomez, RDH, Confirmed' });
    await expect(booked).toBeVisible();

    // Detail with history, then move to another free time.
    await booked.click();
    const detail = page.getByRole('dialog', { name: 'Teeth cleaning' });
    await expect(detail.getByRole('region', { name: 'History' })).toContainText(/by /);
    await detail.getByRole('button', { name: 'Move…' }).click();
    await expect(detail.getByRole('combobox', { name: 'Service' })).toBeDisabled();
    await detail.getByRole('radio', { name: '1:00 PM' }).check();
    await detail.getByRole('button', { name: 'Move to Tue, Nov 24 · 1:00 PM' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Moved: Ada Lovelace' })).toBeVisible();
    await expect(detail.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(2);
    await detail.getByRole('button', { name: 'Close' }).click();
    const moved = maria.getByRole('button', { name: /^1:00 – 1:45 PM, Teeth cleaning for Ada Lovelace/ });
    await expect(moved).toBeVisible();
    await expect(booked).toHaveCount(0);

    // Cancel, after confirming.
    await moved.click();
    await detail.getByRole('button', { name: 'Cancel booking…' }).click();
    await detail.getByRole('textbox', { name: 'Reason' }).fill('Called to cancel');
    await detail.getByRole('button', { name: 'Cancel booking' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Cancelled: Ada Lovelace' })).toBeVisible();
    await detail.getByRole('button', { name: 'Close' }).click();
    await expect(moved).toHaveCount(0);

    const bookings = await desk.call('bookings/list', { tenantId: TENANT, from: '2026-11-24', to: '2026-11-24' });
    expect(bookings.filter((b) => b.customer?.name === 'Ada Lovelace').map((b) => [b.status, b.start])).toEqual([['cancelled', '2026-11-24T13:00:00-05:00']]);
    expect(await problems.list()).toEqual([]);
  });

  test('a time taken meanwhile is refused with the appliance’s clear message', async ({ page, appliance }) => {
    await openDeskScreen(page, appliance.consoleUrl, 'schedule');
    await goToDay(page, 'Tuesday, November 24, 2026', 1);
    await page.getByRole('button', { name: 'New booking with Maria Gomez, RDH on Tue, Nov 24' }).click();
    const dialog = page.getByRole('dialog', { name: 'New booking' });
    await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveValue('maria');
    await dialog.getByRole('combobox', { name: 'Service' }).selectOption('cleaning');
    await dialog.getByRole('radio', { name: '11:00 AM' }).check();
    await dialog.getByRole('textbox', { name: 'Customer phone' }).fill('+15555550111');
    await dialog.getByRole('textbox', { name: 'Customer name' }).fill('Alan Turing');

    // Someone else (the phone) takes the same time before staff click Book.
    await desk.call('bookings/create', {
      tenantId: TENANT,
      serviceId: 'cleaning',
      providerId: 'maria',
      start: '2026-11-24T11:00',
      customer: { phone: '+15555550112', name: 'Grace Hopper' },
    });

    await dialog.getByRole('button', { name: 'Book Tue, Nov 24 · 11:00 AM' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Maria Gomez, RDH is already booked at 11:00 AM on Tuesday, November 24.');
    // The free times were asked again: 11:00 is gone, and nothing was booked twice.
    await expect(dialog.getByRole('radio', { name: '11:00 AM' })).toHaveCount(0);
    await expect(dialog.getByRole('radio', { name: '9:00 AM' })).toBeVisible();
    const bookings = await desk.call('bookings/list', { tenantId: TENANT, from: '2026-11-24', to: '2026-11-24', statuses: ['confirmed'] });
    expect(bookings.filter((b) => b.start === '2026-11-24T11:00:00-05:00' && b.providerId === 'maria').map((b) => b.customer?.name)).toEqual(['Grace Hopper']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    // The other booking arrived through bookings/changed.
    await expect(column(page, 'Maria Gomez, RDH, Tue, Nov 24').getByRole('button', { name: /Grace Hopper/ })).toBeVisible();
  });

  test('customer search shows their visits and keeps notes', async ({ page, appliance }) => {
    await desk.call('bookings/create', {
      tenantId: TENANT,
      serviceId: 'exam',
      providerId: 'dr-lee',
      start: '2026-11-30T09:00',
      customer: { phone: '+15555550133', name: 'Katherine Johnson' },
    });
    await openDeskScreen(page, appliance.consoleUrl, 'schedule');
    const customers = page.getByRole('region', { name: 'Customers' });
    await customers.getByRole('searchbox', { name: 'Find a customer' }).fill('Kather');
    await customers.getByRole('button', { name: /Katherine Johnson/ }).click();
    await expect(customers.getByRole('heading', { name: 'Katherine Johnson' })).toBeVisible();
    const upcoming = customers.getByRole('region', { name: 'Upcoming visits' });
    await expect(upcoming).toContainText('Mon, Nov 30 · 9:00 AM');
    await expect(upcoming).toContainText('Dental exam · Dr. Emily Lee');

    await customers.getByRole('textbox', { name: 'Notes' }).fill('Prefers early mornings.');
    await customers.getByRole('button', { name: 'Save customer' }).click();
    await expect(customers.getByRole('status')).toHaveText('Saved.');
    const found = await desk.call('customers/search', { tenantId: TENANT, query: '555-0133', limit: 5 });
    expect(found.map((c) => c.notes)).toEqual(['Prefers early mornings.']);

    // By number too; opening a visit jumps to its day.
    await customers.getByRole('button', { name: '‹ Back to results' }).click();
    await customers.getByRole('searchbox', { name: 'Find a customer' }).fill('5550133');
    await customers.getByRole('button', { name: /Katherine Johnson/ }).click();
    await upcoming.getByRole('button', { name: /Nov 30/ }).click();
    await expect(page.getByRole('dialog', { name: 'Dental exam' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Monday, November 30, 2026' })).toBeVisible();
  });

  test('the week view shows one provider’s seven days, with closures named', async ({ page, appliance }) => {
    await openDeskScreen(page, appliance.consoleUrl, 'schedule');
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Nov 23 – 29, 2026' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Maria Gomez, RDH' });
    await expect(page.getByRole('list', { name: /^Maria Gomez, RDH, / })).toHaveCount(7);
    await expect(page.getByText('Closed · Thanksgiving')).toBeVisible();
    await expect(column(page, 'Maria Gomez, RDH, Tue, Nov 24').getByRole('button', { name: /Grace Hopper/ })).toBeVisible();
    await page.getByRole('button', { name: 'Next week' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Nov 30 – Dec 6, 2026' })).toBeVisible();
    await page.getByRole('button', { name: 'Today' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Nov 23 – 29, 2026' })).toBeVisible();
    expect(await unnamedControls(page)).toEqual([]);
  });

  test('screenshot of a day with bookings at 1280×720', async ({ page, appliance }) => {
    const book = (serviceId: string, providerId: string, start: string, name: string, phone: string) =>
      desk.call('bookings/create', { tenantId: TENANT, serviceId, providerId, start, customer: { name, phone } });
    await book('cleaning', 'maria', '2026-11-25T08:00', 'Rosa Parks', '+15555550201');
    await book('cleaning', 'maria', '2026-11-25T09:00', 'Linus Pauling', '+15555550202');
    await book('cleaning', 'maria', '2026-11-25T13:30', 'Marie Curie', '+15555550203');
    await book('exam', 'dr-lee', '2026-11-25T08:30', 'Nikola Tesla', '+15555550204');
    await book('filling', 'dr-lee', '2026-11-25T10:15', 'Ada Byron', '+15555550205');
    await book('exam', 'dr-patel', '2026-11-25T14:00', 'Carl Sagan', '+15555550206');
    // A phone booking waiting for review, and a caller still deciding (a hold).
    await rehearseCall(desk, TENANT, '+15555550207', ["I'd like a whitening consultation on Wednesday at 10 am", 'Emmy Noether', 'yes']);
    await rehearseCall(desk, TENANT, '+15555550208', ["I'd like an exam with Dr. Lee on Wednesday at 3 pm"]);

    await page.setViewportSize({ width: 1280, height: 720 });
    await openDeskScreen(page, appliance.consoleUrl, 'schedule');
    await goToDay(page, 'Wednesday, November 25, 2026', 2);
    await expect(column(page, 'Dr. Raj Patel, Wed, Nov 25').getByRole('button', { name: /Emmy Noether.*Waiting for review, test booking from a rehearsal$/ })).toBeVisible();
    await expect(column(page, 'Maria Gomez, RDH, Wed, Nov 25').getByRole('button', { name: /Rosa Parks/ })).toBeVisible();
    await page.screenshot({ path: 'test-results/schedule-day-1280x720.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'test-results/schedule-day-1920x1080.png' });
  });
});
