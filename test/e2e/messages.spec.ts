import { expect, formatted, openScreen, test, uniqueCaller, unnamedControls } from './support/telephone.js';

test.describe('the Messages screen', () => {
  test('a message taken on a call appears live, links to the caller and the call, and can be marked handled', async ({ page, phone }) => {
    await openScreen(page, phone.appliance.consoleUrl, 'messages', 'Sam');
    await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New' })).toHaveAttribute('aria-pressed', 'true');

    const from = uniqueCaller();
    const call = await phone.call(from, ['can I leave a message', 'I want to know if my x-rays arrived', 'Ann Lee']);
    expect(call.heard().join(' ')).toMatch(/call you back at the number you're calling from/);
    await call.say('yes', { confidence: 0.93 });

    // No reload: the message arrives with the event.
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ann Lee' }) }).filter({ hasText: 'x-rays' });
    await expect(item).toBeVisible();
    await expect(item.getByRole('link', { name: formatted(from) })).toHaveAttribute('href', `tel:${from}`);
    const callLink = item.getByRole('link', { name: 'Open the call with Ann Lee' });
    await expect(callLink).toHaveAttribute('href', /^#\/calls\/.+/);

    expect(await unnamedControls(page)).toEqual([]);
    await item.getByRole('button', { name: 'Mark handled: message from Ann Lee' }).click();
    await expect(item).toContainText('Handled');
    await expect(item).toBeFocused();

    await page.getByRole('button', { name: 'Handled' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Handled messages' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'x-rays' })).toContainText('Handled');
    await page.getByRole('button', { name: 'New' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'x-rays' })).toHaveCount(0);

    // The call link opens the call (ended now) with its message and transcript.
    await call.say("no that's all, thanks", { confidence: 0.93 });
    expect(call.state).toBe('ended');
    await page.getByRole('button', { name: 'Handled' }).click();
    await page.getByRole('listitem').filter({ hasText: 'x-rays' }).getByRole('link', { name: /Open the call/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
    await expect(page.locator('.call-detail')).toContainText('Messages taken');
    await expect(page.getByRole('log')).toContainText('x-rays');
  });
});
