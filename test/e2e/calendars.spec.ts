import { icsEvent, Radicale } from '../support/radicale.js';
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
});
