import { phraseAudio } from '../support/audio/phrase-audio.js';
import { FakeDeepgram } from '../support/deepgram/fake-deepgram.js';
import type { MediaStreamLeg } from '../support/twilio/media-stream-leg.js';
import { test as base } from './support/fixtures.js';
import { PRACTICE_NUMBER, callsPage, expect, formatted, openScreen, startTelephone, uniqueCaller, type Telephone } from './support/telephone.js';

// Issue 8's "done means", as a new user would try it: with a Deepgram key on the appliance (the
// fake, at its protocol), the owner switches the practice to stream mode in Settings, a caller
// books by voice over a signed Media Streams socket, and the console shows the transcript as heard
// and each turn's answer speed.

const DEEPGRAM_KEY = 'dg-e2e-key-0123456789';

interface Voice {
  phone: Telephone;
  deepgram: FakeDeepgram;
}

const test = base.extend<object, { voice: Voice }>({
  voice: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const deepgram = new FakeDeepgram(DEEPGRAM_KEY, { msPerCharacter: 12 });
      const url = await deepgram.start();
      const phone = await startTelephone({ DEEPGRAM_API_KEY: DEEPGRAM_KEY, FRONTDESK_DEEPGRAM_URL: url });
      try {
        await use({ phone, deepgram });
      } finally {
        await phone.stop();
        await deepgram.stop();
      }
    },
    { scope: 'worker' },
  ],
});

/** The caller says a phrase (real speech from espeak-ng) and waits for the whole answer to play. */
async function turn(deepgram: FakeDeepgram, leg: MediaStreamLeg, text: string): Promise<void> {
  const since = leg.fromApp.length;
  const audio = phraseAudio(text);
  deepgram.learn(audio, text);
  await leg.say(audio);
  await leg.until(() => leg.fromApp.slice(since).some((m) => m.event === 'media'), 'the receptionist to answer', 60_000);
  await leg.until(() => leg.drained, 'the answer to play to the end', 60_000);
}

test('a practice switched to stream mode in Settings books by voice; the console shows what was heard and each turn\'s answer speed', async ({ page, voice }) => {
  const { phone, deepgram } = voice;
  await openScreen(page, phone.appliance.consoleUrl, 'settings');
  await page.getByLabel('Voice mode').selectOption('stream');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const from = uniqueCaller();
  const call = await phone.twilio.placeCall({ from, to: PRACTICE_NUMBER });
  expect(call.state).toBe('streaming');
  const leg = call.stream!;
  await leg.until(() => leg.fromApp.some((m) => m.event === 'media') && leg.drained, 'the greeting to play', 60_000);

  await openScreen(page, phone.appliance.consoleUrl, 'calls');
  const view = callsPage(page);
  await view.liveCall(formatted(from)).click();
  await expect(view.transcript).toContainText('How can I help you today?');

  const lines = ['I need a cleaning next Tuesday afternoon', 'the first one', 'Ann Lee', 'yes'];
  for (const line of lines) await turn(deepgram, leg, line);
  // Live, without a reload: the caller's words and the receptionist's, as played.
  await expect(view.transcript.locator('.lt-caller')).toContainText(lines);
  await expect(view.transcript.locator('.lt-receptionist')).toContainText([/How can I help/, /all set/i]);

  const since = leg.fromApp.length;
  const bye = phraseAudio("no that's all, bye");
  deepgram.learn(bye, "no that's all, bye");
  await leg.say(bye);
  await leg.closed;
  await call.idle();
  expect(leg.fromApp.slice(since).some((m) => m.event === 'media')).toBe(true);

  await expect(view.detail).toContainText('Ended');
  await expect(view.detail).toContainText('Booked');
  const speed = view.detail.getByRole('table');
  await expect(view.detail.getByRole('heading', { name: 'Answer speed per turn' })).toBeVisible();
  // The greeting, four answers and the goodbye, each with its times in milliseconds.
  await expect(speed.locator('tbody tr')).toHaveCount(6);
  await expect(speed.locator('tbody tr').nth(1)).toContainText(/\d+ ms/);
});
