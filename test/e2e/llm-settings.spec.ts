import { DEMO_PRACTICE } from './support/console-page.js';
import { DeskSocket, rehearseCall } from './support/desk-socket.js';
import { openDeskScreen } from './support/desk-screens.js';
import { expect, test } from './support/fixtures.js';

const TENANT = DEMO_PRACTICE.id;
let desk: DeskSocket;

test.beforeAll(async ({ appliance }) => {
  desk = await DeskSocket.open(appliance.consoleUrl);
  // One call on record: a caller books Tuesday, December 1st at 1 PM.
  const call = await rehearseCall(desk, TENANT, '+15555550199', ['I need a cleaning next Tuesday afternoon', 'the first one', 'Ann Lee', 'yes']);
  expect(call.said.join(' ')).toMatch(/You're all set for your teeth cleaning on Tuesday, December 1st at 1 PM/);
  await desk.call('rehearsal/hang-up', { callId: call.callId });
});

test.afterAll(() => desk?.close());

test.describe('the receptionist settings', () => {
  test('"Test this change on the last 50 calls" shows a broken booking before saving, and saves nothing', async ({ page, appliance, problems }) => {
    await openDeskScreen(page, appliance.consoleUrl, 'settings');
    const closures = page.getByRole('region', { name: 'Closures' });
    await closures.getByRole('button', { name: 'Add closure' }).click();
    const added = closures.getByRole('group', { name: /^Closure \d+: new/ });
    await added.getByLabel('Date').fill('2026-12-01');

    const check = page.getByRole('region', { name: 'Test before saving' });
    await check.getByRole('button', { name: 'Test this change on the last 50 calls' }).click();
    await expect(check.getByText('1 of 1 calls change')).toBeVisible();
    const row = check.getByRole('table', { name: 'Replayed calls' }).getByRole('row').nth(1);
    await expect(row.getByRole('cell').nth(1)).toHaveText('booked 2026-12-01 13:00');
    // Tuesday is closed now: the same words book another day.
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^booked 2026-12-(0[2-9]|[1-3]\d) /);

    // Nothing was saved and nothing real was booked by the replay.
    await expect(page.getByRole('status').filter({ hasText: /changes/ })).toContainText('Unsaved changes');
    expect((await desk.call('tenants/get', { tenantId: TENANT })).closures).not.toContainEqual({ date: '2026-12-01' });
    // The rehearsal's own test booking went when the rehearsal ended; the replay added none.
    expect(await desk.call('bookings/list', { tenantId: TENANT, statuses: ['confirmed', 'held', 'pending_review'] })).toHaveLength(0);

    await page.getByRole('button', { name: 'Revert' }).click();
    await check.getByRole('button', { name: 'Test this change on the last 50 calls' }).click();
    await expect(check.getByText('All 1 calls end the same')).toBeVisible();
    expect(await problems.list()).toEqual([]);
  });

  test('the practice switches to the LLM receptionist with its own model and instructions', async ({ page, appliance }) => {
    await openDeskScreen(page, appliance.consoleUrl, 'settings');
    const section = page.getByRole('region', { name: 'Receptionist' });
    await section.getByRole('combobox', { name: 'Who answers' }).selectOption('llm');
    await section.getByRole('textbox', { name: 'Model for this practice' }).fill('llama-3.1-8b-instruct');
    await section.getByRole('textbox', { name: 'Extra instructions' }).fill('Call yourself Robin.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    const stored = await desk.call('tenants/get', { tenantId: TENANT });
    expect(stored.brain).toBe('llm');
    expect(stored.llm).toEqual({ model: 'llama-3.1-8b-instruct', instructions: 'Call yourself Robin.' });

    // No endpoint is configured on this appliance: health says so, and calls still get the rules receptionist.
    const health = await desk.call('health/get', {});
    expect(health.llm).toMatchObject({ configured: false, circuit: 'closed' });
    const call = await rehearseCall(desk, TENANT, '+15555550142', ['what are your hours']);
    expect(call.said.join(' ')).toMatch(/Monday/);
    await desk.call('rehearsal/hang-up', { callId: call.callId });
  });
});
