import { DeskSocket } from './support/desk-socket.js';
import { expect, openScreen, PRACTICE_NUMBER, PUBLIC_URL, test, uniqueCaller, unnamedControls } from './support/telephone.js';

const TENANT = 'bright-smiles';

test.describe('the Inbox screen', () => {
  test('a patient\'s text arrives live with an unread badge; staff read the thread, reply, see delivery, and open the appointment', async ({ page, phone }) => {
    const desk = await DeskSocket.open(phone.appliance.consoleUrl);
    const patient = uniqueCaller();
    try {
      await desk.call('bookings/create', { tenantId: TENANT, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-25T10:00', customer: { phone: patient, name: 'Ivy Inbox' } });
      await expect.poll(() => phone.rest.messagesTo(patient).length).toBe(1);

      await openScreen(page, phone.appliance.consoleUrl, 'inbox', 'Dana');
      await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
      const threads = page.getByRole('list', { name: 'Text threads' });
      await expect(threads.getByRole('button', { name: 'Ivy Inbox' })).toBeVisible();

      // The patient texts something the rules leave to staff: the tab and the thread show it unread.
      const sent = await phone.twilio.sendSms({ from: patient, to: PRACTICE_NUMBER, body: 'Is there parking near you?' });
      expect(sent.response.status).toBe(200);
      await expect(page.getByRole('link', { name: /Inbox, 1 waiting/ })).toBeVisible();
      const thread = threads.getByRole('button', { name: 'Ivy Inbox, 1 unread' });
      await expect(thread).toBeVisible();
      expect(await unnamedControls(page)).toEqual([]);

      await thread.click();
      const messages = page.getByRole('list', { name: 'Messages' });
      await expect(messages.getByRole('listitem').filter({ hasText: 'Is there parking near you?' })).toBeVisible();
      await expect(messages.getByRole('listitem').filter({ hasText: 'is confirmed' })).toContainText('Confirmation');
      // Reading it clears the badge.
      await expect(page.getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();

      await page.getByRole('textbox', { name: 'Reply' }).fill('Yes, free parking behind the building.');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => phone.rest.messagesTo(patient).map((m) => m['body'])).toContain('Yes, free parking behind the building.');
      const reply = messages.getByRole('listitem').filter({ hasText: 'Yes, free parking behind the building.' });
      await expect(reply).toContainText('Sent');

      // Twilio reports it delivered: the bubble says so without a reload.
      const message = phone.rest.messagesTo(patient).find((m) => m['body'] === 'Yes, free parking behind the building.')!;
      await phone.twilio.reportMessageStatus({ statusCallback: `${PUBLIC_URL}/twilio/sms-status`, messageSid: String(message['sid']), from: PRACTICE_NUMBER, to: patient, status: 'delivered' });
      await expect(reply).toContainText('Delivered');

      // The thread links to the appointment; its detail shows what was texted about it.
      await page.getByRole('region', { name: 'Appointments' }).getByRole('button', { name: /Teeth cleaning/ }).click();
      const texts = page.getByRole('dialog').getByRole('region', { name: 'Texts' });
      await expect(texts).toContainText('Confirmation');
      await expect(texts).toContainText('is confirmed');
    } finally {
      desk.close();
    }
  });

  test('Settings shows each text with a live preview and refuses an unknown placeholder', async ({ page, phone }) => {
    await openScreen(page, phone.appliance.consoleUrl, 'settings', 'Dana');
    const section = page.locator('#settings-texts');
    await expect(section.getByRole('heading', { name: 'Texts' })).toBeVisible();
    const field = section.getByRole('textbox', { name: 'Booking confirmed' });
    await field.fill('{practice}: see you {date} at {time}, {name}!');
    await expect(section.getByLabel('Preview: Booking confirmed')).toHaveText('Bright Smiles Dental: see you Tuesday, November 24 at 9:00 AM, Ann Lee!');
    await field.fill('{practice}: see you {when}');
    await expect(section).toContainText('unknown placeholder {when}');
    await section.getByRole('button', { name: 'Spanish' }).click();
    await expect(section.getByLabel('Preview: Booking confirmed')).toContainText('está confirmada');
  });
});
