import { DEMO_PRACTICE, consolePage, openConsole } from './support/console-page.js';
import { expect, test } from './support/fixtures.js';

test.describe('staff console in a browser (headless appliance)', () => {
  test('shows the demo practice with its time zone, numbers and counts', async ({ page, appliance }) => {
    const { practices } = await openConsole(page, appliance.consoleUrl);
    await expect(page).toHaveTitle('Overview · Frontdesk');
    const practice = practices.getByRole('listitem').filter({ has: page.getByRole('heading', { name: DEMO_PRACTICE.name, level: 3 }) });
    await expect(practice).toContainText(DEMO_PRACTICE.timezone);
    await expect(practice).toContainText('+1 (555) 555-0123');
    await expect(practice).toContainText(`${DEMO_PRACTICE.providers.length} providers`);
    await expect(practice).toContainText(`${DEMO_PRACTICE.services.length} services`);
    // FRONTDESK_NOW pins the appliance clock to Monday 9:00 in New York.
    await expect(practice).toContainText(/Mon 9:0\d\sAM/);
  });

  test('the health panel shows the webhook listener up and storage ok', async ({ page, appliance }) => {
    const view = await openConsole(page, appliance.consoleUrl);
    const webhook = view.healthValue('Webhook listener');
    await expect(webhook).toContainText('Up');
    await expect(webhook).toContainText(new URL(appliance.webhookUrl).host);
    await expect(view.healthValue('Public URL')).toContainText('Not set');
    await expect(view.healthValue('Twilio signatures')).toContainText('every call is refused');
    const storage = view.healthValue('Storage');
    await expect(storage).toContainText('OK');
    await expect(storage).toContainText(/Schema version \d+/);
    await expect(storage).toContainText(appliance.dataDir);
  });

  test('the live-calls board shows a calm empty state', async ({ page, appliance }) => {
    const { liveCalls } = await openConsole(page, appliance.consoleUrl);
    await expect(liveCalls.getByText('No calls right now')).toBeVisible();
    await expect(liveCalls).toContainText('None active');
  });

  test('loads with no console errors and no CSP violations', async ({ page, appliance, problems }) => {
    const view = await openConsole(page, appliance.consoleUrl);
    await expect(view.healthValue('Storage')).toContainText('OK');
    expect(await problems.list()).toEqual([]);
  });

  test('has landmarks, headings and named, keyboard-reachable controls', async ({ page, appliance }) => {
    await openConsole(page, appliance.consoleUrl);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    for (const name of ['Live calls', 'Practices', 'Appliance health']) {
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    }

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Overview' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');

    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('a, button, input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])'))
        .filter((element) => !(element.getAttribute('aria-label') || element.textContent?.trim()))
        .map((element) => element.outerHTML),
    );
    expect(unnamed).toEqual([]);
  });

  test('screenshot at 1280×720 for people to look at', async ({ page, appliance }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const view = await openConsole(page, appliance.consoleUrl);
    await expect(view.healthValue('Storage')).toContainText('OK');
    await expect(consolePage(page).liveCalls.getByText('No calls right now')).toBeVisible();
    await page.screenshot({ path: 'test-results/console-overview-1280x720.png' });
  });
});
