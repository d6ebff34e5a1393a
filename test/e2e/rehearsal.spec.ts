import { expect, openScreen, test, unnamedControls } from './support/telephone.js';

test.describe('the Rehearsal screen', () => {
  test('an owner books an appointment by typing, and the rehearsal shows on the live board like a real call', async ({ page, phone }) => {
    await openScreen(page, phone.appliance.consoleUrl, 'rehearsal', 'Owner');
    await page.getByRole('button', { name: 'Start a rehearsal call' }).click();
    const chat = page.getByRole('log', { name: 'Rehearsal conversation' });
    await expect(chat).toContainText('How can I help you today?');

    const input = page.getByRole('textbox', { name: 'Say as the caller' });
    await expect(input).toBeFocused();
    const say = async (text: string) => {
      await expect(input).toBeEditable();
      await input.fill(text);
      await input.press('Enter');
      await expect(chat.locator('.lt-caller').last()).toContainText(text);
      await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
    };

    expect(await unnamedControls(page)).toEqual([]);
    // A suggestion fills the box; Enter sends it.
    await page.getByRole('button', { name: '“What are your hours?”' }).click();
    await expect(input).toHaveValue('What are your hours?');
    await expect(input).toBeFocused();
    await input.fill('');

    await say("I'd like a dental exam tomorrow at 10 am");
    await expect(chat.locator('.lt-receptionist').last()).toContainText(/name/i);
    await say('Rita Owner');
    await expect(chat).toContainText(/Tuesday, November 24th at 10 AM/);
    await say('yes');
    await expect(chat).toContainText(/You're all set/);

    // The same call, on the board, like any other.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Overview' }).click();
    const board = page.getByRole('region', { name: 'Live calls' });
    const row = board.getByRole('link').filter({ hasText: 'Rehearsal call' });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Bright Smiles Dental');
    await expect(row).toContainText(/dental exam/i);
    await expect(row).toContainText('Receptionist');

    // The rehearsal is still there on return; hang up and start over.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Rehearsal' }).click();
    await expect(chat).toContainText(/You're all set/);
    await page.getByRole('button', { name: 'Hang up' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The call has ended.' })).toBeVisible();
    await expect(input).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Start over' })).toBeFocused();

    // On the Calls screen it is now history; its booking was a test, removed when the rehearsal ended.
    await page.getByRole('link', { name: 'See it on the Calls screen' }).click();
    await expect(page.locator('.call-detail')).toContainText('Ended · Test booking, removed');
    await expect(page.locator('.call-detail')).toContainText('Booked an appointment');
    await page.goBack();

    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(chat).toContainText('How can I help you today?');
    await expect(chat).not.toContainText(/You're all set/);
    await page.getByRole('button', { name: 'Hang up' }).click();
  });

  test('a rehearsal that asks for a person ends transferred', async ({ page, phone }) => {
    await openScreen(page, phone.appliance.consoleUrl, 'rehearsal', 'Owner');
    await page.getByRole('button', { name: 'Start a rehearsal call' }).click();
    const input = page.getByRole('textbox', { name: 'Say as the caller' });
    await input.fill('can I talk to a real person please');
    await input.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'transferred the call' })).toContainText('+1 (555) 555-0100');
    await expect(input).toBeDisabled();
  });

  test('a booking that needs a person\'s review raises the count on the Review tab, live', async ({ page, phone }) => {
    await openScreen(page, phone.appliance.consoleUrl, 'rehearsal', 'Owner');
    const reviewTab = page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /^Review/ });
    await expect(reviewTab).toBeVisible();
    const waiting = async () => Number(/(\d+) waiting/.exec((await reviewTab.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
    const before = await waiting();

    await page.getByRole('button', { name: 'Start a rehearsal call' }).click();
    const chat = page.getByRole('log', { name: 'Rehearsal conversation' });
    const input = page.getByRole('textbox', { name: 'Say as the caller' });
    for (const line of ["I'd like a whitening consultation on Wednesday at 9 am", 'Rita Owner', 'yes']) {
      await expect(input).toBeEditable();
      await input.fill(line);
      await input.press('Enter');
      await expect(chat.locator('.lt-caller').last()).toContainText(line);
      await expect(input).toBeEditable();
    }
    await expect(reviewTab).toHaveAccessibleName(`Review, ${before + 1} waiting`);
    await page.getByRole('button', { name: 'Hang up' }).click();
  });
});
