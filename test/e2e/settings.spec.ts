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

const mondaySlots = async () =>
  (await desk.call('availability/list-slots', { tenantId: TENANT, serviceId: 'cleaning', providerId: null, from: '2026-11-30', to: '2026-11-30' })).slots.length;

test.describe('settings', () => {
  test('an invalid value is named next to its field and the save is refused', async ({ page, appliance, problems }) => {
    await openDeskScreen(page, appliance.consoleUrl, 'settings');
    const status = page.getByRole('status').filter({ hasText: /changes/ });
    await expect(status).toContainText('No changes');

    const step = page.getByRole('spinbutton', { name: 'Slot step (minutes)' });
    await expect(step).toHaveValue('15');
    await step.fill('0');
    await expect(step).toHaveAccessibleDescription(/Slot step must be a positive integer/);
    await expect(step).toHaveAttribute('aria-invalid', 'true');
    await expect(status).toContainText('Unsaved changes');
    await expect(page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: /Booking policy/ })).toContainText('1');

    // A break that ends before it starts is caught beside its interval too.
    await page.getByRole('textbox', { name: 'Monday, hours 2 to', exact: true }).fill('12:30');
    await expect(page.getByRole('textbox', { name: 'Monday, hours 2 from', exact: true })).toHaveAccessibleDescription('Monday, hours 2 must end after it starts');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Booking policy › Slot step must be a positive integer');
    await expect(summary).toContainText('Weekly hours › Monday, hours 2 must end after it starts');
    await summary.getByRole('button', { name: /Slot step/ }).click();
    await expect(step).toBeFocused();

    // Nothing reached the appliance.
    const stored = await desk.call('tenants/get', { tenantId: TENANT });
    expect(stored.booking.slotStepMinutes).toBe(15);
    expect(stored.hours.mon).toEqual([
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ]);

    await page.getByRole('button', { name: 'Revert' }).click();
    await expect(step).toHaveValue('15');
    await expect(summary).toHaveCount(0);
    await expect(status).toContainText('No changes');
    expect(await problems.list()).toEqual([]);
  });

  test('closing next Monday changes the slots the next caller is offered', async ({ page, appliance }) => {
    expect(await mondaySlots()).toBeGreaterThan(0);
    // Closing a day with appointments is refused (they would be orphaned): clear the day first,
    // as the desk would, of what other tests booked on it.
    for (const booking of await desk.call('bookings/list', { tenantId: TENANT, from: '2026-11-30', to: '2026-11-30', statuses: ['confirmed', 'pending_review'] })) {
      await desk.call('bookings/cancel', { tenantId: TENANT, bookingId: booking.id, reason: 'practice closed for training' });
    }

    await openDeskScreen(page, appliance.consoleUrl, 'settings');
    const closures = page.getByRole('region', { name: 'Closures' });
    await closures.getByRole('button', { name: 'Add closure' }).click();
    const added = closures.getByRole('group', { name: /^Closure 5/ });
    // An empty date is caught before anything is sent.
    await expect(added.getByLabel('Date')).toHaveAccessibleDescription(/Date must be a date "YYYY-MM-DD"/);
    await added.getByLabel('Date').fill('2026-11-30');
    await added.getByRole('textbox', { name: 'Reason' }).fill('Staff training');
    await expect(added).toHaveAccessibleName('Closure 5: Staff training');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved. The next call uses these settings.' })).toBeVisible();

    const stored = await desk.call('tenants/get', { tenantId: TENANT });
    expect(stored.closures).toContainEqual({ date: '2026-11-30', reason: 'Staff training' });
    expect(await mondaySlots()).toBe(0);

    // The next caller asking for Monday is offered another day, without a restart.
    const call = await rehearseCall(desk, TENANT, '+15555550188', ["I'd like a cleaning next Monday"]);
    const answer = call.said.slice(call.said.indexOf("> I'd like a cleaning next Monday") + 1).join(' ');
    expect(answer).not.toMatch(/Monday, November 30th at/);
    expect(answer).toMatch(/closed|Staff training|Tuesday|December/i);
    await desk.call('rehearsal/hang-up', { callId: call.callId });

    // And the desk's own booking form finds nothing free that day.
    await openDeskScreen(page, appliance.consoleUrl, 'schedule');
    await page.getByRole('button', { name: 'New booking', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New booking' });
    await dialog.getByLabel('Day', { exact: true }).fill('2026-11-30');
    await expect(dialog).toContainText('No free times for Teeth cleaning on Mon, Nov 30.');
  });

  test('services, providers and policies are edited and saved with the schema', async ({ page, appliance }) => {
    await openDeskScreen(page, appliance.consoleUrl, 'settings');
    const filling = page.getByRole('group', { name: 'Service: Filling' });
    await filling.getByRole('spinbutton', { name: 'Duration (minutes)' }).fill('75');
    await filling.getByRole('textbox', { name: 'Other names callers use' }).fill('cavity, filling, tooth filling, fix a cavity');
    await filling.getByRole('checkbox', { name: 'Requires review' }).check();
    await filling.getByRole('textbox', { name: 'Price' }).fill('from $90');

    const maria = page.getByRole('group', { name: 'Provider: Maria Gomez, RDH' });
    await maria.getByRole('button', { name: '+ Add time off' }).click();
    await maria.getByLabel('From', { exact: true }).fill('2026-12-03T08:00');
    await maria.getByLabel('To', { exact: true }).fill('2026-12-03T12:00');
    await maria.getByRole('checkbox', { name: 'Own weekly hours' }).check();
    await maria.getByRole('button', { name: 'Remove Maria Gomez, RDH Friday' }).click();

    const review = page.getByRole('region', { name: 'Review policy' });
    await review.getByRole('checkbox', { name: 'Review bookings by new customers' }).check();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    const stored = await desk.call('tenants/get', { tenantId: TENANT });
    expect(stored.services.find((s) => s.id === 'filling')).toMatchObject({ durationMinutes: 75, requiresReview: true, price: 'from $90', aliases: ['cavity', 'filling', 'tooth filling', 'fix a cavity'] });
    const saved = stored.providers.find((p) => p.id === 'maria');
    expect(saved?.timeOff).toEqual([{ from: '2026-12-03T08:00', to: '2026-12-03T12:00' }]);
    expect(saved?.hours?.fri).toEqual([]);
    expect(saved?.hours?.mon).toEqual(stored.hours.mon);
    expect(stored.review.newCustomers).toBe(true);
  });

  test('"Try a phrase" shows what the receptionist understood', async ({ page, appliance }) => {
    await openDeskScreen(page, appliance.consoleUrl, 'settings');
    const panel = page.getByRole('region', { name: 'Try a phrase' });
    await panel.getByRole('textbox', { name: 'What a caller might say' }).fill('Can I see Dr. Lee for a cleaning next Tuesday morning? My number is 555 555 0123');
    await panel.getByRole('button', { name: 'Understand' }).click();
    const understanding = panel.getByRole('definition');
    const value = (label: string) => panel.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
    await expect(understanding.first()).toBeVisible();
    await expect(value('Service')).toHaveText('Teeth cleaning');
    await expect(value('Provider')).toHaveText('Dr. Emily Lee');
    await expect(value('Part of day')).toHaveText('morning');
    await expect(value('Date')).toContainText('Tue, Dec 1');
    await expect(value('Intent')).not.toHaveText('—');
    await expect(value('Confidence')).toHaveText(/^\d+%$/);
    await expect(value('Phone')).toContainText('555');
  });

  test('every control is named and the page is keyboard reachable', async ({ page, appliance }) => {
    await openDeskScreen(page, appliance.consoleUrl, 'settings');
    expect(await unnamedControls(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Services' }).press('Enter');
    await expect(page.getByRole('region', { name: 'Services' }).getByRole('button', { name: 'Add service' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('group', { name: 'Service: Teeth cleaning' }).getByRole('button', { name: 'Remove service' })).toBeFocused();
  });

  test('screenshot at 1280×720 for people to look at', async ({ page, appliance }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDeskScreen(page, appliance.consoleUrl, 'settings');
    await page.getByRole('spinbutton', { name: 'Slot step (minutes)' }).fill('0');
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Weekly hours' }).click();
    await page.getByRole('textbox', { name: 'Monday, hours 2 to', exact: true }).fill('12:30');
    await page.getByRole('region', { name: 'Try a phrase' }).getByRole('textbox', { name: 'What a caller might say' }).fill('Can I see Dr. Lee for a cleaning next Tuesday morning?');
    await page.getByRole('region', { name: 'Try a phrase' }).getByRole('button', { name: 'Understand' }).click();
    await expect(page.getByRole('region', { name: 'Try a phrase' }).getByRole('term').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/settings-1280x720.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'test-results/settings-1920x1080.png' });
  });
});
