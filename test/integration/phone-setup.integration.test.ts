import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/app/create-core.js';
import type { PhoneAttachmentDto, PhoneNumberDto } from '../../src/shared/contract/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';
import { FakeTwilioRest } from '../support/twilio/fake-twilio-rest.js';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'rest-token-0123456789abcdef';
const PUBLIC = 'https://office.example.com';

describe('Twilio number set-up (the real SDK against the fake IncomingPhoneNumbers API)', () => {
  let rest: FakeTwilioRest;
  let core: Core;
  let temp: ReturnType<typeof makeTempDir>;
  const run = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const result = await core.dispatch(name, input, { actor: 'owner', transport: 'internal' });
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.output as T;
  };

  beforeEach(async () => {
    rest = await new FakeTwilioRest({ accountSid: ACCOUNT, authToken: TOKEN }).start();
    temp = makeTempDir();
    core = createCore(testConfig(temp.dir, { publicUrl: PUBLIC, twilio: { accountSid: ACCOUNT, authToken: TOKEN, apiBase: rest.baseUrl } }), {
      clock: FakeClock.at('2026-11-23T14:00:00Z'),
      logger: pino({ level: 'silent' }),
    });
    core.seedDemoIfEmpty();
  });
  afterEach(async () => {
    core.close();
    await rest.stop();
    temp.cleanup();
  });

  it('lists the numbers, with a warning where a TwiML app or a SIP trunk would override the webhooks', async () => {
    rest.numbers.add({ phoneNumber: '+15555550123' });
    rest.numbers.add({ phoneNumber: '+15555550124', voiceApplicationSid: 'AP0123456789abcdef0123456789abcdef' });
    rest.numbers.add({ phoneNumber: '+15555550125', trunkSid: 'TK0123456789abcdef0123456789abcdef' });
    const numbers = await run<PhoneNumberDto[]>('phone/list-numbers');
    expect(numbers.map((n) => [n.phoneNumber, n.friendlyName, n.attachedTo])).toEqual([
      ['+15555550123', '(555) 555-0123', null],
      ['+15555550124', '(555) 555-0124', null],
      ['+15555550125', '(555) 555-0125', null],
    ]);
    expect(numbers[0]!.warning).toBeNull();
    expect(numbers[1]!.warning).toMatch(/TwiML app .* overrides the webhooks/);
    expect(numbers[2]!.warning).toMatch(/SIP trunk .* overrides the webhooks/);
  });

  it('pages through a long list as Twilio does', async () => {
    for (let i = 0; i < 120; i++) rest.numbers.add({ phoneNumber: `+1555556${String(i).padStart(4, '0')}` });
    expect(await run<PhoneNumberDto[]>('phone/list-numbers')).toHaveLength(120);
  });

  it('attaches: sets voice, status and SMS webhooks (POST), reads them back, and adds the number to the practice', async () => {
    const number = rest.numbers.add({ phoneNumber: '+15555550777', voiceUrl: 'https://old.example.com/answer', voiceMethod: 'GET', smsUrl: 'https://old.example.com/sms' });
    const attached = await run<PhoneAttachmentDto>('phone/attach-number', { tenantId: 'bright-smiles', phoneNumber: '+15555550777' });
    expect(attached).toMatchObject({ tenantId: 'bright-smiles', numberSid: number.sid, pointedAt: PUBLIC, problem: null });
    expect(attached.verifiedAt).not.toBeNull();
    expect(rest.numbers.get(String(number.sid))).toMatchObject({
      voice_url: `${PUBLIC}/twilio/voice`,
      voice_method: 'POST',
      status_callback: `${PUBLIC}/twilio/status`,
      status_callback_method: 'POST',
      sms_url: `${PUBLIC}/twilio/sms`,
      sms_method: 'POST',
    });
    const reads = rest.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`${String(number.sid)}.json`));
    expect(reads.length).toBeGreaterThan(0);
    expect(core.tenants.get('bright-smiles').config.phoneNumbers).toContain('+15555550777');
    expect((await run<PhoneNumberDto[]>('phone/list-numbers')).find((n) => n.phoneNumber === '+15555550777')?.attachedTo).toBe('bright-smiles');

    await run('phone/detach-number', { tenantId: 'bright-smiles' });
    expect(rest.numbers.get(String(number.sid))).toMatchObject({ voice_url: 'https://old.example.com/answer', voice_method: 'GET', sms_url: 'https://old.example.com/sms', status_callback: '' });
    await expect(run('phone/detach-number', { tenantId: 'bright-smiles' })).rejects.toThrow(/has no phone number attached/);
  });

  it('does not verify a number a TwiML app answers, and says why', async () => {
    rest.numbers.add({ phoneNumber: '+15555550124', voiceApplicationSid: 'AP0123456789abcdef0123456789abcdef' });
    const attached = await run<PhoneAttachmentDto>('phone/attach-number', { tenantId: 'bright-smiles', phoneNumber: '+15555550124' });
    expect(attached.verifiedAt).toBeNull();
    expect(attached.problem).toMatch(/TwiML app/);
  });

  it('notices a number changed behind its back and points it here again', async () => {
    const number = rest.numbers.add({ phoneNumber: '+15555550123' });
    await run('phone/attach-number', { tenantId: 'bright-smiles', phoneNumber: '+15555550123' });
    rest.numbers.patch(String(number.sid), { voice_url: 'https://someone-else.example.com/voice' });
    await core.setup.phone.pointAll({ reverify: true });
    expect(rest.numbers.get(String(number.sid))?.voice_url).toBe(`${PUBLIC}/twilio/voice`);
  });

  it("says what is wrong in the owner's words", async () => {
    rest.numbers.add({ phoneNumber: '+15555550123' });
    await expect(run('phone/attach-number', { tenantId: 'bright-smiles', phoneNumber: '+15555550999' })).rejects.toThrow(/not a number on this Twilio account/);
    await expect(run('phone/attach-number', { tenantId: 'nobody', phoneNumber: '+15555550123' })).rejects.toThrow(/no practice "nobody"/);
    await expect(run('setup/save-twilio', { accountSid: ACCOUNT, authToken: 'a-wrong-token' })).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'Twilio refused that account SID and auth token. Copy both again from the Twilio console (Account Info).',
    });
    rest.failNext({ status: 503 });
    await expect(run('phone/list-numbers')).rejects.toThrow(/Twilio had a problem \(HTTP 503\)/);
    rest.failNext({ status: 429 });
    await expect(run('phone/list-numbers')).rejects.toThrow(/Twilio is busy/);
    const stopped = rest.baseUrl;
    await rest.stop();
    const offline = createCore(testConfig(temp.dir, { twilio: { accountSid: ACCOUNT, authToken: TOKEN, apiBase: stopped } }), { logger: pino({ level: 'silent' }) });
    try {
      const result = await offline.dispatch('phone/list-numbers', {}, { actor: 'owner', transport: 'internal' });
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^Could not reach Twilio \(.+\)\. Check this computer's internet connection\.$/) } });
    } finally {
      offline.close();
    }
  });

  it('keeps a wrong auth token out: save-twilio checks with Twilio before storing', async () => {
    const blank = createCore(testConfig(temp.dir, { twilio: { accountSid: null, authToken: null, apiBase: rest.baseUrl } }), { logger: pino({ level: 'silent' }) });
    try {
      const bad = await blank.dispatch('setup/save-twilio', { accountSid: ACCOUNT, authToken: 'nope' }, { actor: 'owner', transport: 'internal' });
      expect(bad.ok).toBe(false);
      expect(blank.setup.vault.names()).toEqual([]);
      const good = await blank.dispatch('setup/save-twilio', { accountSid: ACCOUNT, authToken: TOKEN }, { actor: 'owner', transport: 'internal' });
      expect(good.ok).toBe(true);
      expect(blank.setup.twilioAccount()).toMatchObject({ accountSid: ACCOUNT, authToken: TOKEN });
    } finally {
      blank.close();
    }
  });
});
