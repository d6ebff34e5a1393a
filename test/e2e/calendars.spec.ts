import { icsEvent, Radicale } from '../support/radicale.js';
import { findFreePort } from './support/appliance.js';
import { DeskSocket } from './support/desk-socket.js';
import { openDeskScreen } from './support/desk-screens.js';
import { expect, test } from './support/fixtures.js';

let radicale: Radicale;

test.beforeAll(async () => {
  radicale = await Radicale.start({ maria: 'maria-app-password' });
});
test.afterAll(async () => radicale?.dispose());

test.describe('settings → calendars', () => {
  test('connects a CalDAV calendar, shows it synced, and says "Reconnect" in plain words for a refused password', async ({ page, appliance, problems }) => {
    const url = await radicale.makeCalendar('maria', 'e2e');
    await radicale.putEvent('maria', url, 'e1', icsEvent('e1@example.com', '2026-12-01T14:00:00Z', '2026-12-01T15:00:00Z'));
    await openDeskScreen(page, appliance.consoleUrl, 'settings');
    const section = page.getByRole('region', { name: 'Calendars' });
    const form = section.getByRole('form', { name: 'Connect a calendar' });
    await form.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Maria Gomez, RDH' });
    await form.getByRole('textbox', { name: 'Address' }).fill(url);
    await form.getByRole('textbox', { name: 'User name' }).fill('maria');
    await form.getByLabel('App password').fill('maria-app-password');
    await form.getByRole('button', { name: 'Connect' }).click();

    const maria = section.getByRole('group', { name: "Maria Gomez, RDH's calendars" });
    const item = maria.getByRole('listitem');
    await expect(item).toContainText('CalDAV');
    await expect(item).toContainText('Synced');
    await expect(item.getByRole('checkbox', { name: 'Counts as busy' })).toBeChecked();
    await expect(item.getByRole('checkbox', { name: 'Gets bookings' })).toBeChecked();
    await item.getByRole('checkbox', { name: 'Counts as busy' }).click();
    await expect(item.getByRole('checkbox', { name: 'Counts as busy' })).not.toBeChecked();

    await form.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Maria Gomez, RDH' });
    await form.getByRole('textbox', { name: 'Address' }).fill(await radicale.makeCalendar('maria', 'e2e-wrong'));
    await form.getByRole('textbox', { name: 'User name' }).fill('maria');
    await form.getByLabel('App password').fill('wrong-password');
    await form.getByRole('button', { name: 'Connect' }).click();
    const wrong = maria.getByRole('listitem').nth(1);
    await expect(wrong).toContainText('Reconnect');
    await expect(wrong).toContainText('refused the saved sign-in');
    expect(await page.content()).not.toContain('maria-app-password');

    // Disconnecting forgets both (this appliance is shared with the other specs: Maria must be left as she was).
    await wrong.getByRole('button', { name: 'Disconnect' }).click();
    await expect(maria.getByRole('listitem')).toHaveCount(1);
    await maria.getByRole('listitem').getByRole('button', { name: 'Disconnect' }).click();
    await expect(maria).toContainText('No calendars connected.');
    expect(await problems.list()).toEqual([]);
  });

  test('lists a booking waiting for an unreachable calendar in plain words, and clears it when the calendar goes', async ({ page, appliance, problems }) => {
    // A CalDAV address where nothing answers: the calendar is "down".
    const downUrl = `http://127.0.0.1:${await findFreePort()}/maria/down/`;
    const desk = await DeskSocket.open(appliance.consoleUrl);
    try {
      await openDeskScreen(page, appliance.consoleUrl, 'settings');
      const section = page.getByRole('region', { name: 'Calendars' });
      const form = section.getByRole('form', { name: 'Connect a calendar' });
      await form.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Maria Gomez, RDH' });
      await form.getByRole('textbox', { name: 'Address' }).fill(downUrl);
      await form.getByRole('textbox', { name: 'User name' }).fill('maria');
      await form.getByLabel('App password').fill('maria-app-password');
      await form.getByRole('button', { name: 'Connect' }).click();
      const maria = section.getByRole('group', { name: "Maria Gomez, RDH's calendars" });
      await expect(maria.getByRole('listitem')).toContainText('Could not reach');

      const booking = await desk.call('bookings/create', { tenantId: 'bright-smiles', serviceId: 'cleaning', providerId: 'maria', start: '2026-12-14T10:00', customer: { name: 'Wendy Outbox' } });
      const waiting = section.getByRole('region', { name: 'Waiting to reach the calendars' });
      const item = waiting.getByRole('listitem').filter({ hasText: 'Wendy Outbox' });
      await expect(item).toContainText('Teeth cleaning');
      await expect(item).toContainText("to be written to Maria Gomez, RDH's CalDAV calendar");
      await expect(item).toContainText('Mon, Dec 14');
      await expect(item).toContainText(/Retrying at \d{1,2}:\d{2}/);
      await expect(item).toContainText('Could not reach');
      // People's words only: no ids, JSON or epoch numbers.
      const text = (await waiting.textContent()) ?? '';
      expect(text).not.toContain(booking.id);
      expect(text).not.toMatch(/[{}]|\d{12,}/);

      await desk.call('bookings/cancel', { tenantId: 'bright-smiles', bookingId: booking.id });
      await maria.getByRole('listitem').getByRole('button', { name: 'Disconnect' }).click();
      await expect(maria).toContainText('No calendars connected.');
      await expect(section.getByRole('region', { name: 'Waiting to reach the calendars' })).toHaveCount(0);
    } finally {
      desk.close();
    }
    expect(await problems.list()).toEqual([]);
  });
});
