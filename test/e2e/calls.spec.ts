import { TRANSFER_NUMBER, callsPage, expect, formatted, openScreen, test, uniqueCaller, unnamedControls } from './support/telephone.js';

test.describe('the Calls screen (live calls from a simulated Twilio)', () => {
  test('a call appears on the board and its transcript streams in while it runs; then it moves to the searchable history', async ({ page, phone }) => {
    await openScreen(page, phone.appliance.consoleUrl, 'calls', 'Sam');
    const view = callsPage(page);
    await expect(view.liveCalls).toContainText('None active');

    const from = uniqueCaller();
    const call = await phone.call(from);
    const row = view.liveCall(formatted(from));
    await expect(row).toContainText('Receptionist');
    await expect(row).toContainText('Bright Smiles Dental');
    await row.click();
    await expect(page).toHaveURL(/#\/calls\/.+/);
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(view.transcript).toContainText('How can I help you today?');

    // Said on the phone, seen on screen without a reload.
    await call.say('What are your hours', { confidence: 0.93 });
    await expect(view.transcript.locator('.lt-caller')).toContainText('What are your hours');
    await expect(view.transcript.locator('.lt-receptionist')).toContainText([/open/i]);

    // The recognizer was unsure: marked, with its confidence, in words as well as style.
    await call.say('uh the the thing with um', { confidence: 0.31 });
    const unsure = view.transcript.locator('.lt-caller').filter({ hasText: 'uh the the thing with um' });
    await expect(unsure).toContainText('Low confidence · 31%');
    await expect(unsure.locator('.lt-unsure')).toHaveCSS('text-decoration-style', 'wavy');

    // Duration ticks.
    const duration = row.locator('.call-duration');
    const before = await duration.textContent();
    // It ticks every second; how soon the page repaints depends on the machine, so wait generously.
    await expect(duration).not.toHaveText(before ?? '', { timeout: 20_000 });

    await call.hangup();
    await expect(view.detail).toContainText('Ended');
    await expect(view.detail.getByRole('heading', { name: 'What the receptionist did' })).toBeVisible();
    const historyRow = view.history.getByRole('link').filter({ hasText: formatted(from) });
    await expect(historyRow).toBeVisible();

    const search = view.history.getByRole('searchbox', { name: 'Search calls' });
    await search.fill('thing with um');
    await expect(historyRow).toBeVisible();
    await search.fill('nobody said this ever');
    await expect(view.history).toContainText('No calls match');
    await search.press('Escape');
    await expect(historyRow).toBeVisible();
  });

  test('type to the caller: takes over as the desk, speaks each line, hands back', async ({ page, phone }) => {
    await openScreen(page, phone.appliance.consoleUrl, 'calls', '');
    const view = callsPage(page);
    const from = uniqueCaller();
    const call = await phone.call(from, ['I have a question about my bill']);
    call.heard();
    await view.liveCall(formatted(from)).click();

    // This PC's console before any account exists: the takeover is recorded as the front desk.
    const takeOver = page.getByRole('button', { name: 'Type to the caller' });
    await takeOver.focus();
    await takeOver.press('Enter');

    await expect(view.detail).toContainText('You have this call');
    await expect(view.liveCall(formatted(from))).toContainText('Staff has it');
    await expect.poll(() => call.transcript.join(' ')).toContain('One moment please.');

    const input = page.getByRole('textbox', { name: 'Say to the caller' });
    await expect(input).toBeFocused();
    await input.fill('Hi, this is Sam at the front desk. Let me look at that for you.');
    await input.press('Enter');
    await expect(input).toHaveValue('');
    await expect(view.transcript.locator('.lt-staff')).toContainText('Hi, this is Sam at the front desk.');
    await expect.poll(() => call.transcript).toContain('Hi, this is Sam at the front desk. Let me look at that for you.');

    // What the caller says meanwhile reaches the desk.
    await expect.poll(() => call.state).toBe('listening');
    await call.say('Thank you Sam', { confidence: 0.95 });
    await expect(view.transcript.locator('.lt-caller').last()).toContainText('Thank you Sam');

    call.heard();
    await page.getByRole('button', { name: 'Hand back to the receptionist' }).click();
    await expect(view.liveCall(formatted(from))).toContainText('Receptionist');
    await expect(takeOver).toBeVisible();
    await expect.poll(() => call.heard().join(' ')).toContain('Thanks for waiting.');
  });

  test('transfer to the desk redirects the live call to <Dial> the practice transfer number', async ({ page, phone }) => {
    await openScreen(page, phone.appliance.consoleUrl, 'calls', 'Sam');
    const view = callsPage(page);
    const from = uniqueCaller();
    const call = await phone.call(from, ['What are your hours']);
    await view.liveCall(formatted(from)).click();

    // A number the desk cannot dial is refused before anything is sent.
    const other = page.getByRole('textbox', { name: 'Or transfer to' });
    await other.fill('front desk');
    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await expect(view.detail).toContainText('Enter a phone number');
    await other.fill('');

    const transfer = page.getByRole('button', { name: /^Transfer to the desk/ });
    await expect(transfer).toContainText(formatted(TRANSFER_NUMBER));
    await transfer.click();
    await expect(view.detail).toContainText('Transferred.');
    await expect(view.liveCall(formatted(from))).toContainText('Transferred to the desk');

    await expect
      .poll(() => phone.callUpdates(call).map((r) => r.params['Twiml'] ?? ''))
      .toContainEqual(expect.stringMatching(new RegExp(`<Dial\\b[^>]*>\\s*(<Number[^>]*>)?\\s*\\${TRANSFER_NUMBER}\\s*(</Number>)?\\s*</Dial>`)));
    await expect.poll(() => call.dialed).toEqual([TRANSFER_NUMBER]);
    await call.dialEnded('completed');
  });

  test('screenshot of a live call at 1280×720 for people to look at', async ({ page, phone, problems }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openScreen(page, phone.appliance.consoleUrl, 'calls', 'Sam');
    const view = callsPage(page);
    const from = uniqueCaller();
    const call = await phone.call(from, ['I would like a cleaning on Wednesday at 11 am']);
    await call.say('Maria Gonzales', { confidence: 0.42 });
    const other = await phone.call(uniqueCaller(), ['can I leave a message']);
    await view.liveCall(formatted(from)).click();
    await expect(view.transcript).toContainText('Low confidence');
    // Landmarks and headings a screen reader can jump between, and no unnamed control.
    await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
    for (const name of ['Live calls', 'Call history', `Call with ${formatted(from)}`]) {
      await expect(page.getByRole('region', { name })).toBeVisible();
    }
    await expect(page.getByRole('log', { name: `Transcript of the call with ${formatted(from)}` })).toBeVisible();
    expect(await unnamedControls(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/calls-live-transcript-1280x720.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'test-results/calls-live-transcript-1920x1080.png' });
    await call.hangup();
    await other.hangup();
    expect(await problems.list()).toEqual([]);
  });
});
