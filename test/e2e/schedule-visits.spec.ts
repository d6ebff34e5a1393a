import type { Page } from '@playwright/test';
import { DEMO_PRACTICE } from './support/console-page.js';
import { DeskSocket } from './support/desk-socket.js';
import { openDeskScreen, unnamedControls } from './support/desk-screens.js';
import { expect, test } from './support/fixtures.js';

const TENANT = DEMO_PRACTICE.id;

let desk: DeskSocket;

test.beforeAll(async ({ appliance }) => {
  desk = await DeskSocket.open(appliance.consoleUrl);
});

test.afterAll(() => desk?.close());

const column = (page: Page, name: string) => page.getByRole('list', { name });

test.describe('the visit’s day on the schedule', () => {
  test('arrived, completed and no-show in one click, by mouse or keyboard, seen live on another console', async ({ page, browser, appliance, problems }) => {
    const book = (start: string, name: string, phone: string) =>
      desk.call('bookings/create', { tenantId: TENANT, serviceId: 'exam', providerId: 'dr-patel', start, customer: { name, phone } });
    const arriving = await book('2026-11-23T15:00', 'Rita Levi', '+15555550301');
    await book('2026-11-25T15:00', 'Tomorrow Tess', '+15555550302');

    await openDeskScreen(page, appliance.consoleUrl, 'schedule');
    const other = await browser.newPage();
    await openDeskScreen(other, appliance.consoleUrl, 'schedule');

    const patel = column(page, 'Dr. Raj Patel, Mon, Nov 23');
    const rita = patel.getByRole('button', { name: /^3:00 – 3:30 PM, Dental exam for Rita Levi/ });
    await expect(rita).toHaveAccessibleName(/Confirmed$/);
    // Later today: here or not yet; a no-show only once the visit has started.
    await expect(patel.getByRole('button', { name: /^No-show: Rita Levi/ })).toHaveCount(0);
    await patel.getByRole('button', { name: 'Arrived: Rita Levi, 3:00 – 3:30 PM' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Marked as arrived: Rita Levi' })).toBeVisible();
    await expect(rita).toHaveAccessibleName(/Arrived$/);
    // The other console follows without a reload.
    await expect(column(other, 'Dr. Raj Patel, Mon, Nov 23').getByRole('button', { name: /Rita Levi.*Arrived$/ })).toBeVisible();

    // Keyboard: from the block, Tab reaches its next step.
    await rita.focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Completed: Rita Levi, 3:00 – 3:30 PM' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Marked completed: Rita Levi' })).toBeVisible();
    await expect(rita).toHaveAccessibleName(/Completed$/);
    await expect(patel.getByRole('button', { name: /: Rita Levi, / })).toHaveCount(0);

    // A later day's visit offers nothing to mark yet.
    await page.getByLabel('Go to date').fill('2026-11-25');
    await expect(column(page, 'Dr. Raj Patel, Wed, Nov 25').getByRole('button', { name: /Tomorrow Tess/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Arrived: / })).toHaveCount(0);

    const detail = await desk.call('bookings/get', { tenantId: TENANT, bookingId: arriving.id });
    expect(detail.history.slice(-2).map((h) => [h.action, h.toStatus])).toEqual([
      ['arrived', 'arrived'],
      ['completed', 'completed'],
    ]);
    expect(await unnamedControls(page)).toEqual([]);
    expect(await problems.list()).toEqual([]);
    await other.close();
  });

  test('a mistaken arrived or completed is undone in one click, by mouse or keyboard, recorded in the history', async ({ page, appliance, problems }) => {
    const uma = await desk.call('bookings/create', { tenantId: TENANT, serviceId: 'exam', providerId: 'dr-patel', start: '2026-11-23T15:30', customer: { name: 'Uma Undo', phone: '+15555550305' } });
    await openDeskScreen(page, appliance.consoleUrl, 'schedule');
    const patel = column(page, 'Dr. Raj Patel, Mon, Nov 23');
    const block = patel.getByRole('button', { name: /^3:30 – 4:00 PM, Dental exam for Uma Undo/ });
    const notice = (text: string) => page.getByRole('status').filter({ hasText: text });

    // Marked arrived by mistake: Undo sits on the block, and puts the visit back.
    await patel.getByRole('button', { name: 'Arrived: Uma Undo, 3:30 – 4:00 PM' }).click();
    await expect(block).toHaveAccessibleName(/Arrived$/);
    await patel.getByRole('button', { name: 'Undo arrived for Uma Undo, 3:30 – 4:00 PM' }).click();
    await expect(notice('Arrived undone: Uma Undo')).toBeVisible();
    await expect(block).toHaveAccessibleName(/Confirmed$/);
    await expect(patel.getByRole('button', { name: /^Undo .* for Uma Undo/ })).toHaveCount(0);

    // Keyboard: arrived, completed by mistake, then Undo from the block with Tab and Enter: back to arrived.
    await patel.getByRole('button', { name: 'Arrived: Uma Undo, 3:30 – 4:00 PM' }).click();
    await expect(block).toHaveAccessibleName(/Arrived$/);
    await block.focus();
    await page.keyboard.press('Tab');
    await expect(patel.getByRole('button', { name: 'Completed: Uma Undo, 3:30 – 4:00 PM' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(block).toHaveAccessibleName(/Completed$/);
    // The keyboard stays on the visit's block, and the next Tab reaches its Undo.
    await expect(block).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(patel.getByRole('button', { name: 'Undo completed for Uma Undo, 3:30 – 4:00 PM' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(notice('Completed undone: Uma Undo')).toBeVisible();
    await expect(block).toHaveAccessibleName(/Arrived$/);

    // The booking's own dialog offers the same, on any day.
    await block.click();
    const dialog = page.getByRole('dialog', { name: 'Dental exam' });
    await dialog.getByRole('button', { name: 'Undo arrived' }).click();
    await expect(dialog.getByRole('button', { name: 'Mark arrived' })).toBeVisible();
    await expect(dialog.getByRole('region', { name: 'History' })).toContainText('Arrived undone by');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(block).toHaveAccessibleName(/Confirmed$/);

    const detail = await desk.call('bookings/get', { tenantId: TENANT, bookingId: uma.id });
    expect(detail.status).toBe('confirmed');
    const steps = detail.history.slice(1).map((h) => [h.action, h.fromStatus, h.toStatus]);
    expect(steps).toEqual([
      ['arrived', 'confirmed', 'arrived'],
      ['arrived undone', 'arrived', 'confirmed'],
      ['arrived', 'confirmed', 'arrived'],
      ['completed', 'arrived', 'completed'],
      ['completed undone', 'completed', 'arrived'],
      ['arrived undone', 'arrived', 'confirmed'],
    ]);
    // Under the same person as the clicks it takes back.
    expect(new Set(detail.history.slice(1).map((h) => h.actor)).size).toBe(1);
    expect(await unnamedControls(page)).toEqual([]);
    expect(await problems.list()).toEqual([]);
    // Later tests change Dr. Patel's Mondays: leave them no visit of this one's.
    await desk.call('bookings/cancel', { tenantId: TENANT, bookingId: uma.id });
  });

  test('today at a glance counts who is here and skips them for who is next', async ({ page, appliance }) => {
    const book = (start: string, name: string, phone: string) =>
      desk.call('bookings/create', { tenantId: TENANT, serviceId: 'exam', providerId: 'dr-lee', start, customer: { name, phone } });
    const first = await book('2026-11-23T16:00', 'Ned First', '+15555550311');
    await book('2026-11-23T16:30', 'Olga Second', '+15555550312');
    await desk.call('bookings/record-outcome', { tenantId: TENANT, bookingId: first.id, outcome: 'arrived' });
    const url = new URL(appliance.consoleUrl);
    url.hash = '#/overview';
    await page.goto(url.toString());
    const lee = page.getByRole('region', { name: 'Dr. Emily Lee today' });
    await expect(lee).toContainText('1 here now');
    await expect(lee).toContainText('Next: Olga Second at 4:30 – 5:00 PM');
  });

  test('the week for all providers: seven days, everyone side by side, readable at 1280×720, with the date picker', async ({ page, appliance }) => {
    const book = (serviceId: string, providerId: string, start: string, name: string, phone: string) =>
      desk.call('bookings/create', { tenantId: TENANT, serviceId, providerId, start, customer: { name, phone } });
    await book('cleaning', 'maria', '2026-11-24T14:00', 'Wendy Week', '+15555550321');
    await book('exam', 'dr-lee', '2026-11-24T14:00', 'Walt Week', '+15555550322');
    await book('exam', 'dr-patel', '2026-11-27T09:00', 'Fay Friday', '+15555550323');

    await page.setViewportSize({ width: 1280, height: 720 });
    await openDeskScreen(page, appliance.consoleUrl, 'schedule');
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Nov 23 – 29, 2026' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue('all');
    await expect(page.getByRole('list', { name: /^All providers, / })).toHaveCount(7);
    await expect(page.getByText('Closed · Thanksgiving')).toBeVisible();

    const tuesday = column(page, 'All providers, Tue, Nov 24');
    const wendy = tuesday.getByRole('button', { name: /^2:00 – 2:45 PM, Teeth cleaning for Wendy Week with Maria Gomez, RDH/ });
    const walt = tuesday.getByRole('button', { name: /Walt Week with Dr\. Emily Lee/ });
    await expect(wendy).toBeVisible();
    await expect(walt).toBeVisible();
    // Same time, two providers: side by side, not on top of each other.
    const [w, l] = [await wendy.boundingBox(), await walt.boundingBox()];
    expect(w && l && (w.x + w.width <= l.x + 1 || l.x + l.width <= w.x + 1)).toBe(true);
    await expect(column(page, 'All providers, Fri, Nov 27').getByRole('button', { name: /Fay Friday with Dr\. Raj Patel/ })).toContainText('Fay Friday');
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Dr. Raj Patel');
    // Everything fits the width: no sideways scrolling at 1280×720.
    const overflow = await page.locator('.schedule-grid-wrap').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: 'test-results/schedule-week-all-1280x720.png' });

    // The empty day books with anyone; the date picker jumps to another week.
    await page.getByRole('button', { name: 'New booking on Sat, Nov 28' }).click();
    await expect(page.getByRole('dialog', { name: 'New booking' }).getByLabel('Day', { exact: true })).toHaveValue('2026-11-28');
    await page.getByRole('dialog', { name: 'New booking' }).getByRole('button', { name: 'Cancel' }).click();
    await page.getByLabel('Go to date').fill('2026-12-02');
    await expect(page.getByRole('heading', { level: 2, name: 'Nov 30 – Dec 6, 2026' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'All providers, Wed, Dec 2' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Dr. Emily Lee' });
    await expect(page.getByRole('list', { name: /^Dr\. Emily Lee, / })).toHaveCount(7);
    expect(await unnamedControls(page)).toEqual([]);
  });

  test('the week for all providers books at the time clicked, with someone working then, like the day view', async ({ page, appliance, problems }) => {
    let booked: string | null = null;
    try {
      await openDeskScreen(page, appliance.consoleUrl, 'schedule');
      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' }).click();
      await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue('all');
      await page.getByLabel('Go to date').fill('2026-12-01');
      await expect(page.getByRole('heading', { level: 2, name: 'Nov 30 – Dec 6, 2026' })).toBeVisible();
      const tuesday = page.locator('.schedule-col[data-column="2026-12-01|all"]');
      // The grid starts at 8 AM (the practice's earliest opening that week) and draws 56 px an hour: 2:00 PM is six hours down.
      await tuesday.click({ position: { x: 20, y: 6 * 56 + 4 } });

      const dialog = page.getByRole('dialog', { name: 'New booking' });
      await expect(dialog).toContainText('At Tue, Dec 1 · 2:00 PM');
      // Dr. Lee is at a conference that afternoon and Dr. Patel does not work Tuesdays: Maria is suggested.
      const provider = dialog.getByRole('combobox', { name: 'Provider' });
      await expect(provider).toHaveValue('maria');
      const service = dialog.getByRole('combobox', { name: 'Service' });
      await expect(service).toHaveValue('cleaning');
      // Another provider brings a service they offer.
      await provider.selectOption({ label: 'Dr. Raj Patel' });
      await expect(service).toHaveValue('exam');
      await provider.selectOption({ label: 'Maria Gomez, RDH' });
      await expect(service).toHaveValue('cleaning');
      await dialog.getByLabel('Customer phone').fill('555-555-0352');
      await dialog.getByLabel('Customer name').fill('Willa Week');
      await dialog.getByRole('button', { name: 'Book Tue, Dec 1 · 2:00 PM' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Booked Willa Week for Teeth cleaning with Maria Gomez, RDH, Tue, Dec 1 · 2:00 PM' })).toBeVisible();
      await expect(column(page, 'All providers, Tue, Dec 1').getByRole('button', { name: /^2:00 – 2:45 PM, Teeth cleaning for Willa Week with Maria Gomez, RDH/ })).toBeVisible();
      const willa = (await desk.call('bookings/list', { tenantId: TENANT, from: '2026-12-01', to: '2026-12-01' })).find((b) => b.customer?.name === 'Willa Week');
      booked = willa?.id ?? null;
      expect(willa).toMatchObject({ providerId: 'maria', start: '2026-12-01T14:00:00-05:00', status: 'confirmed' });
      expect(await unnamedControls(page)).toEqual([]);
      expect(await problems.list()).toEqual([]);
    } finally {
      if (booked) await desk.call('bookings/cancel', { tenantId: TENANT, bookingId: booked });
    }
  });

  test('closing a day in Settings that has an appointment shows it and offers to keep, cancel and text, or review', async ({ page, appliance, problems }) => {
    const original = await desk.call('tenants/get', { tenantId: TENANT });
    const cleo = await desk.call('bookings/create', { tenantId: TENANT, serviceId: 'exam', providerId: 'dr-lee', start: '2026-12-02T10:00', customer: { name: 'Cleo Closed', phone: '+15555550331' } });
    try {
      await openDeskScreen(page, appliance.consoleUrl, 'settings');
      const closures = page.getByRole('region', { name: 'Closures' });
      await closures.getByRole('button', { name: 'Add closure' }).click();
      const added = closures.getByRole('group', { name: /^Closure 5/ });
      await added.getByLabel('Date').fill('2026-12-02');
      await added.getByRole('textbox', { name: 'Reason' }).fill('Water outage');
      const saveButton = page.getByRole('button', { name: 'Save', exact: true });
      await saveButton.click();

      const dialog = page.getByRole('dialog', { name: '1 appointment is on a day you are closing' });
      await expect(dialog.getByRole('list', { name: 'Appointments on the closing days' })).toHaveText(/Wed, Dec 2 · 10:00 – 10:30 AM · Dental exam with Dr\. Emily Lee for Cleo Closed/);
      // Going back saves nothing and returns focus to Save.
      await dialog.getByRole('button', { name: 'Back to editing' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(saveButton).toBeFocused();
      expect((await desk.call('tenants/get', { tenantId: TENANT })).closures).not.toContainEqual(expect.objectContaining({ date: '2026-12-02' }));

      await saveButton.click();
      await dialog.getByRole('button', { name: 'Cancel them and text each patient' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved. The appointments on the closed days were cancelled and each patient is texted.' })).toBeVisible();
      expect((await desk.call('tenants/get', { tenantId: TENANT })).closures).toContainEqual({ date: '2026-12-02', reason: 'Water outage' });
      expect((await desk.call('bookings/get', { tenantId: TENANT, bookingId: cleo.id })).status).toBe('cancelled');
      const texts = await desk.call('outbox/list', { tenantId: TENANT });
      expect(texts.filter((t) => t.to === '+15555550331' && /cancelled/.test(t.body)).map((t) => t.body)).toEqual([
        expect.stringMatching(/^Bright Smiles Dental: your dental exam on Wednesday, December 2 at 10:00 AM is cancelled\. Text or call us at .* to book again\.$/),
      ]);
      expect(await unnamedControls(page)).toEqual([]);
      expect(await problems.list()).toEqual([]);
    } finally {
      // Later files expect the demo practice's own closures.
      await desk.call('tenants/save', { config: original });
    }
  });

  test('shortening a provider’s hours in Settings over a booked visit says why and offers the same choice', async ({ page, appliance, problems }) => {
    const original = await desk.call('tenants/get', { tenantId: TENANT });
    const hal = await desk.call('bookings/create', { tenantId: TENANT, serviceId: 'exam', providerId: 'dr-patel', start: '2026-11-30T13:45', customer: { name: 'Hal Hours', phone: '+15555550341' } });
    try {
      await openDeskScreen(page, appliance.consoleUrl, 'settings');
      const patel = page.getByRole('group', { name: 'Provider: Dr. Raj Patel' });
      await patel.getByRole('textbox', { name: 'Dr. Raj Patel Monday, hours 2 to', exact: true }).fill('2:00 PM');
      const saveButton = page.getByRole('button', { name: 'Save', exact: true });
      await saveButton.click();

      const dialog = page.getByRole('dialog', { name: '1 appointment is outside the new hours' });
      const list = dialog.getByRole('list', { name: 'Appointments outside the new hours' });
      await expect(list).toContainText(/Mon, Nov 30 · 1:45 – 2:15 PM · Dental exam with Dr\. Raj Patel for Hal Hours/);
      await expect(list).toContainText("Dr. Raj Patel's new hours on Mondays end at 2:00 PM.");
      expect(await unnamedControls(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Send them to Review to move' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved. The appointments outside the new hours are waiting in Review to be moved.' })).toBeVisible();

      const stored = await desk.call('tenants/get', { tenantId: TENANT });
      expect(stored.providers.find((p) => p.id === 'dr-patel')?.hours?.mon).toEqual([
        ['09:00', '12:00'],
        ['13:00', '14:00'],
      ]);
      expect(await desk.call('bookings/get', { tenantId: TENANT, bookingId: hal.id })).toMatchObject({
        status: 'pending_review',
        reviewReason: "Dr. Raj Patel's new hours on Mondays end at 2:00 PM: move this appointment to another time.",
      });
      expect(await problems.list()).toEqual([]);
    } finally {
      // Later files expect the demo practice's own hours and an empty review queue.
      await desk.call('bookings/cancel', { tenantId: TENANT, bookingId: hal.id });
      await desk.call('tenants/save', { config: original });
    }
  });
});
