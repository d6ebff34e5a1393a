import type { Page } from '@playwright/test';
import { removeDataDir, startAppliance, type RunningAppliance } from './support/appliance.js';
import { DEMO_PRACTICE } from './support/console-page.js';
import { DeskSocket } from './support/desk-socket.js';
import { unnamedControls } from './support/desk-screens.js';
import { expect, test } from './support/fixtures.js';
import { addStaff, signIn } from './support/sign-in.js';

/** An owner manages people and practices in the console; what they change reaches open consoles live. */
const OWNER = { name: 'Olivia Owner', password: 'owner-password-1' };
const DANA = { name: 'Dana Desk', password: 'dana-password-1' };

let desk: DeskSocket;
// Its own appliance: once an owner exists everyone must sign in, which the shared one must not require.
let appliance: RunningAppliance;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  appliance = await startAppliance();
  await addStaff(appliance.dataDir, OWNER.name, 'owner', OWNER.password);
  desk = await DeskSocket.open(appliance.consoleUrl);
  await desk.call('session/sign-in', OWNER);
});

test.afterAll(async () => {
  desk?.close();
  await appliance?.stop();
  if (appliance) await removeDataDir(appliance.dataDir);
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Screens' });
const picker = (page: Page) => page.getByRole('banner').getByRole('combobox', { name: 'Practice' });

test('an owner adds a practice and a person; the desk account sees only its practice, live, until removed', async ({ page, browser, problems }) => {
  await signIn(page, appliance.consoleUrl, OWNER.name, OWNER.password, 'overview');
  await nav(page).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('People and practices');

  // A practice from its essentials: time zone in people's words, a local phone number, Spanish.
  const addPractice = page.getByRole('button', { name: 'Add a practice' });
  await addPractice.click();
  const practiceDialog = page.getByRole('dialog', { name: 'Add a practice' });
  await practiceDialog.getByLabel('Practice name').fill('Sunrise Vet');
  await practiceDialog.getByLabel('Time zone').selectOption({ label: 'Central Time (Chicago, Dallas, Houston)' });
  await practiceDialog.getByLabel('Front-desk phone').fill('555-01');
  await practiceDialog.getByLabel('Language callers are greeted in').selectOption({ label: 'Spanish (Español)' });
  await practiceDialog.getByLabel('Who sees clients').fill('Dra. Ruiz');
  // Spanish keeps the 24-hour clock.
  await expect(practiceDialog.getByRole('textbox', { name: 'Opens at' })).toHaveValue('09:00');
  await practiceDialog.getByRole('button', { name: 'Add practice' }).click();
  await expect(practiceDialog.getByLabel('Front-desk phone')).toHaveAccessibleDescription(/enter the front-desk number the way you dial it/);
  await practiceDialog.getByLabel('Front-desk phone').fill('(312) 555-0142');
  await practiceDialog.getByRole('button', { name: 'Add practice' }).click();
  await expect(practiceDialog).toHaveCount(0);
  await expect(addPractice).toBeFocused();
  await expect(picker(page).getByRole('option', { name: 'Sunrise Vet' })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Practices' })).toContainText('Sunrise Vet');
  const sunrise = (await desk.call('tenants/list', {})).find((t) => t.name === 'Sunrise Vet');
  expect(sunrise?.id).toBe('sunrise-vet');
  expect(await desk.call('tenants/get', { tenantId: 'sunrise-vet' })).toMatchObject({ transferNumber: '+13125550142', locale: 'es-US', timezone: 'America/Chicago' });
  await expect(page.locator('body')).not.toContainText('sunrise-vet');

  // A desk account for the demo practice only.
  const addPerson = page.getByRole('button', { name: 'Add a person' });
  await addPerson.click();
  const personDialog = page.getByRole('dialog', { name: 'Add a person' });
  await personDialog.getByLabel('Name').fill(DANA.name);
  await personDialog.getByRole('radio', { name: 'Front desk' }).check();
  await personDialog.getByRole('checkbox', { name: DEMO_PRACTICE.name }).check();
  await personDialog.getByLabel('First password').fill(DANA.password);
  expect(await unnamedControls(page)).toEqual([]);
  await personDialog.getByRole('button', { name: 'Add person' }).click();
  await expect(personDialog).toHaveCount(0);
  await expect(addPerson).toBeFocused();
  const danaRow = page.getByRole('row', { name: new RegExp(DANA.name) });
  await expect(danaRow).toContainText('Front desk');
  await expect(danaRow).toContainText(DEMO_PRACTICE.name);

  // Dana signs in elsewhere: no People screen, one practice.
  const dana = await browser.newPage();
  await signIn(dana, appliance.consoleUrl, DANA.name, DANA.password, 'overview');
  await expect(nav(dana).getByRole('link', { name: 'People' })).toHaveCount(0);
  await expect(picker(dana)).toHaveCount(0);

  // The owner lets her see Sunrise Vet too: her practice picker offers it without a reload.
  await page.getByRole('button', { name: `Change ${DANA.name}` }).click();
  const change = page.getByRole('dialog', { name: `Change ${DANA.name}` });
  await change.getByRole('checkbox', { name: 'Sunrise Vet' }).check();
  await change.getByRole('button', { name: 'Save changes' }).click();
  await expect(change).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Change ${DANA.name}` })).toBeFocused();
  await expect(picker(dana).getByRole('option', { name: 'Sunrise Vet' })).toHaveCount(1);

  // ...and takes it away again: gone from her picker, live.
  await page.getByRole('button', { name: `Change ${DANA.name}` }).click();
  await change.getByRole('checkbox', { name: 'Sunrise Vet' }).uncheck();
  await change.getByRole('button', { name: 'Save changes' }).click();
  await expect(change).toHaveCount(0);
  await expect(picker(dana)).toHaveCount(0);

  // The last owner cannot make themself a desk account, and has no Remove button.
  await page.getByRole('button', { name: `Change ${OWNER.name}` }).click();
  await change.page().getByRole('dialog', { name: `Change ${OWNER.name}` }).getByRole('radio', { name: 'Front desk' }).check();
  await page.getByRole('dialog', { name: `Change ${OWNER.name}` }).getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('dialog', { name: `Change ${OWNER.name}` }).getByRole('alert')).toContainText('You cannot take away your own owner role');
  await page.getByRole('dialog', { name: `Change ${OWNER.name}` }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: `Remove ${OWNER.name}` })).toHaveCount(0);

  // No computer remembers Dana (that is the desktop app's): forgetting says so.
  await page.getByRole('button', { name: `Forget the computers that remember ${DANA.name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No computer remembers' })).toHaveText(`No computer remembers ${DANA.name}.`);

  // Removed: Dana's console returns to the sign-in form at once.
  await page.getByRole('button', { name: `Remove ${DANA.name}` }).click();
  await page.getByRole('dialog', { name: `Remove ${DANA.name}?` }).getByRole('button', { name: `Remove ${DANA.name}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(DANA.name) })).toHaveCount(0);
  await expect(dana.getByRole('heading', { name: 'Sign in to Frontdesk' })).toBeVisible();
  await dana.close();
  expect(await problems.list()).toEqual([]);
});

test('hours are typed and shown on the practice\'s clock: 12-hour in en-US, 24-hour in Spanish', async ({ page }) => {
  await signIn(page, appliance.consoleUrl, OWNER.name, OWNER.password, 'settings');
  await picker(page).selectOption({ label: DEMO_PRACTICE.name });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  const mondayFrom = page.getByRole('textbox', { name: 'Monday, hours 1 from', exact: true });
  await expect(mondayFrom).toHaveValue('8:00 AM');
  await expect(page.getByRole('textbox', { name: 'Monday, hours 2 to', exact: true })).toHaveValue('5:00 PM');
  await page.getByRole('textbox', { name: 'Monday, hours 2 to', exact: true }).fill('5:30 PM');
  await page.getByRole('textbox', { name: 'Monday, hours 1 to', exact: true }).fill('12 pm');
  await page.getByRole('textbox', { name: 'Monday, hours 2 from', exact: true }).fill('1:00 xm');
  await expect(page.getByRole('textbox', { name: 'Monday, hours 2 from', exact: true })).toHaveAccessibleDescription(/must be a time like 9:00 AM/);
  await page.getByRole('textbox', { name: 'Monday, hours 2 from', exact: true }).fill('1:00 PM');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /changes|Saved/ })).toContainText(/Saved|No changes/);
  await expect.poll(async () => (await desk.call('tenants/get', { tenantId: DEMO_PRACTICE.id })).hours.mon).toEqual([
    ['08:00', '12:00'],
    ['13:00', '17:30'],
  ]);

  await picker(page).selectOption({ label: 'Sunrise Vet' });
  const sunriseTo = page.getByRole('textbox', { name: 'Monday to', exact: true });
  await expect(sunriseTo).toHaveValue('17:00');
  await sunriseTo.fill('18:30');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => (await desk.call('tenants/get', { tenantId: 'sunrise-vet' })).hours.mon).toEqual([['09:00', '18:30']]);
});
