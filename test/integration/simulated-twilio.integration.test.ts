import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock.js';
import { FakeTwilioRest, twilioClientFor } from '../support/twilio/fake-twilio-rest.js';
import { APPLICATION_ERROR_APOLOGY, SimulatedTwilio, TwilioApplicationError, type SimulatedTwilioOptions } from '../support/twilio/simulated-twilio.js';

/*
 * The simulator is only worth trusting if it behaves like Twilio, so it is tested here against a tiny
 * node:http app that answers canned TwiML and checks every signature with the real SDK's
 * twilio.validateRequest, the way a production app would.
 */

const PUBLIC_URL = 'https://frontdesk.example.com';
const AUTH_TOKEN = 'simulated-twilio-test-token-0123456789';
const ACCOUNT_SID = 'AC' + 'a1'.repeat(16);
const CALLER = '+15555550199';
const PRACTICE = '+15555550123';

interface Received {
  method: string;
  /** pathname + query, as the app saw it. */
  path: string;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  signatureValid: boolean;
}
type Reply = string | { status?: number; contentType?: string; body: string };
type Routes = Record<string, (req: Received) => Reply>;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const twiml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;

async function startApp(routes: Routes) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://app.local');
      const body = Buffer.concat(chunks).toString('utf8');
      const postParams = req.method === 'POST' ? Object.fromEntries(new URLSearchParams(body)) : {};
      const signature = req.headers['x-twilio-signature'];
      const signatureValid = typeof signature === 'string' && twilio.validateRequest(AUTH_TOKEN, signature, PUBLIC_URL + (req.url ?? '/'), postParams);
      const entry: Received = { method: req.method ?? '', path: url.pathname + url.search, params: req.method === 'POST' ? postParams : Object.fromEntries(url.searchParams), headers: req.headers, signatureValid };
      received.push(entry);
      if (!signatureValid) {
        res.writeHead(403, { 'Content-Type': 'text/plain' }).end('bad signature');
        return;
      }
      const route = routes[url.pathname];
      const reply = route ? route(entry) : { status: 404, contentType: 'text/plain', body: 'no route' };
      const { status = 200, contentType = 'text/xml; charset=utf-8', body: out } = typeof reply === 'string' ? { body: reply } : reply;
      res.writeHead(status, { 'Content-Type': contentType }).end(out);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

async function setup(routes: Routes, options: Partial<SimulatedTwilioOptions> = {}) {
  const app = await startApp({ '/twilio/status': () => ({ status: 204, contentType: 'text/plain', body: '' }), ...routes });
  const clock = FakeClock.at('2026-03-10T15:00:00Z');
  const sim = new SimulatedTwilio({ webhookBase: app.base, publicUrl: PUBLIC_URL, authToken: AUTH_TOKEN, accountSid: ACCOUNT_SID, now: () => clock.now(), ...options });
  return { app, sim, clock };
}

describe('SimulatedTwilio: an inbound call', () => {
  it('requests the voice URL like Twilio: signed, form-encoded, every standard parameter, CallStatus=ringing', async () => {
    const { app, sim } = await setup({ '/twilio/voice': () => twiml('<Say>Hello</Say><Hangup/>') });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE, callerName: 'JANE DOE' });

    const [voice] = app.received;
    expect(voice?.signatureValid).toBe(true);
    expect(voice?.method).toBe('POST');
    expect(voice?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(voice?.params).toMatchObject({ AccountSid: ACCOUNT_SID, ApiVersion: '2010-04-01', CallStatus: 'ringing', Direction: 'inbound', From: CALLER, To: PRACTICE, Caller: CALLER, Called: PRACTICE, FromCountry: 'US', ToCountry: 'US', CallerName: 'JANE DOE' });
    expect(voice?.params['CallSid']).toMatch(/^CA[0-9a-f]{32}$/);
    expect(voice?.params['CallSid']).toBe(call.sid);
    expect(voice?.headers['i-twilio-idempotency-token']).toBeTruthy();
    expect(call.lastLatencyMs).toBeGreaterThan(0);
  });

  it('plays Say, stops at a speech Gather, and answers it with SpeechResult + Confidence to the action URL', async () => {
    const { app, sim } = await setup({
      '/twilio/voice': () => twiml('<Say>Thanks for calling Bright Smiles.</Say><Gather input="speech" action="/twilio/gather?turn=1" speechTimeout="auto" hints="cleaning, crown" language="en-US"><Say>How can I help?</Say></Gather><Say>Goodbye.</Say>'),
      '/twilio/gather': (req) => twiml(`<Say>You said ${req.params['SpeechResult']}.</Say><Gather input="speech" action="/twilio/gather?turn=2"/>`),
    });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    expect(call.heard()).toEqual(['Thanks for calling Bright Smiles.', 'How can I help?']);
    expect(call.state).toBe('listening');
    expect(call.gather).toMatchObject({ action: '/twilio/gather?turn=1', method: 'POST', speechTimeout: 'auto', hints: ['cleaning', 'crown'], language: 'en-US' });

    await call.say('a cleaning next Tuesday', { confidence: 0.92 });
    const gather = app.received[1];
    expect(gather?.path).toBe('/twilio/gather?turn=1');
    expect(gather?.signatureValid).toBe(true);
    expect(gather?.params).toMatchObject({ SpeechResult: 'a cleaning next Tuesday', Confidence: '0.92', CallStatus: 'in-progress', CallSid: call.sid });
    expect(gather?.headers['i-twilio-idempotency-token']).not.toBe(app.received[0]?.headers['i-twilio-idempotency-token']);
    expect(call.heard()).toEqual(['You said a cleaning next Tuesday.']);
    expect(call.transcript).toHaveLength(3);
    expect(call.lastTwiml).toContain('turn=2');
  });

  it('submits DTMF as Digits, honouring finishOnKey and numDigits, and refuses input the Gather does not accept', async () => {
    const { app, sim } = await setup({
      '/twilio/voice': () => twiml('<Gather action="/twilio/menu" numDigits="3"><Say>Enter your code.</Say></Gather>'),
      '/twilio/menu': () => twiml('<Gather input="dtmf" action="/twilio/menu"/>'),
    });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    await expect(call.say('hello')).rejects.toThrow(/input="dtmf"/);
    await call.press('12345');
    expect(app.received.at(-1)?.params['Digits']).toBe('123');
    await call.press('42#9');
    expect(app.received.at(-1)?.params['Digits']).toBe('42');
  });

  it('resolves a relative Redirect against the current document URL, and a Gather without action posts back to that document', async () => {
    const { app, sim } = await setup({
      '/twilio/voice': () => twiml('<Redirect>menu?step=2</Redirect><Say>unreachable</Say>'),
      '/twilio/menu': () => twiml('<Gather input="speech"><Say>Main menu.</Say></Gather>'),
    });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    expect(app.received.map((r) => r.path)).toEqual(['/twilio/voice', '/twilio/menu?step=2']);
    expect(app.received.every((r) => r.signatureValid)).toBe(true);
    expect(call.heard()).toEqual(['Main menu.']);

    await call.say('billing');
    expect(app.received.at(-1)?.path).toBe('/twilio/menu?step=2');
    expect(app.received.at(-1)?.params['SpeechResult']).toBe('billing');
  });

  it('sends GET requests with the parameters in a signed query string', async () => {
    const { app, sim } = await setup({
      '/twilio/voice': () => twiml('<Redirect method="GET">/twilio/next?x=1</Redirect>'),
      '/twilio/next': () => twiml('<Hangup/>'),
    });
    await sim.placeCall({ from: CALLER, to: PRACTICE });
    const next = app.received[1];
    expect(next?.method).toBe('GET');
    expect(next?.signatureValid).toBe(true);
    expect(next?.params).toMatchObject({ x: '1', CallSid: expect.stringMatching(/^CA/), CallStatus: 'in-progress' });
  });

  it('on silence without actionOnEmptyResult, falls through to the next verb and hangs up at the end of the document', async () => {
    const { app, sim } = await setup({
      '/twilio/voice': () => twiml('<Gather input="speech" action="/twilio/gather"><Say>Still there?</Say></Gather><Say>We did not hear anything. Goodbye.</Say>'),
    });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    await call.silence();
    expect(call.heard()).toEqual(['Still there?', 'We did not hear anything. Goodbye.']);
    expect(call.state).toBe('ended');
    expect(app.received.map((r) => r.path)).toEqual(['/twilio/voice', '/twilio/status']);
    expect(app.received[1]?.params['CallStatus']).toBe('completed');
  });

  it('on silence with actionOnEmptyResult="true", requests the action with an empty SpeechResult', async () => {
    const { app, sim } = await setup({
      '/twilio/voice': () => twiml('<Gather input="speech" action="/twilio/gather" actionOnEmptyResult="true"/><Say>never reached</Say>'),
      '/twilio/gather': () => twiml('<Say>Sorry, I did not catch that.</Say><Gather input="speech" action="/twilio/gather" actionOnEmptyResult="true"/>'),
    });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    await call.silence();
    expect(app.received.at(-1)?.path).toBe('/twilio/gather');
    expect(app.received.at(-1)?.params['SpeechResult']).toBe('');
    expect(call.heard()).toEqual(['Sorry, I did not catch that.']);
    expect(call.state).toBe('listening');
  });

  it('records a Dial and, when the dialed leg ends, posts DialCallStatus to the Dial action', async () => {
    const { app, sim } = await setup({
      '/twilio/voice': () => twiml('<Say>Connecting you.</Say><Dial action="/twilio/dial-done" timeout="20"><Number>+15555550100</Number><Number>+15555550101</Number></Dial><Say>unreachable after a Dial with action</Say>'),
      '/twilio/dial-done': (req) => twiml(`<Say>The desk was ${req.params['DialCallStatus']}. Please leave a message.</Say><Hangup/>`),
    });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    expect(call.state).toBe('dialing');
    expect(call.dialed).toEqual(['+15555550100', '+15555550101']);

    await call.dialEnded('no-answer');
    expect(app.received[1]?.params).toMatchObject({ DialCallStatus: 'no-answer', DialCallSid: expect.stringMatching(/^CA[0-9a-f]{32}$/) });
    expect(call.heard()).toEqual(['Connecting you.', 'The desk was no-answer. Please leave a message.']);
    expect(call.state).toBe('ended');
  });

  it('continues the same document after a Dial without action', async () => {
    const { sim } = await setup({ '/twilio/voice': () => twiml('<Dial>+15555550100</Dial><Say>The call with the desk has ended.</Say>') });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    await call.dialEnded('completed', { durationSeconds: 42 });
    expect(call.heard()).toEqual(['The call with the desk has ended.']);
    expect(call.state).toBe('ended');
  });

  it('ends on Hangup with a completed status callback: SequenceNumber, CallDuration from the clock, RFC 2822 Timestamp', async () => {
    const { app, sim, clock } = await setup({
      '/twilio/voice': () => twiml('<Gather input="speech" action="/twilio/bye"/>'),
      '/twilio/bye': () => {
        clock.advance(95_000);
        return twiml('<Say>Goodbye.</Say><Hangup/><Say>unreachable</Say>');
      },
    });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    await call.say('that is all');
    expect(call.state).toBe('ended');
    expect(call.heard()).toEqual(['Goodbye.']);
    const [status] = call.statusCallbacks;
    expect(status?.params).toMatchObject({ CallStatus: 'completed', SequenceNumber: '0', CallDuration: '95', CallbackSource: 'call-progress-events', Timestamp: 'Tue, 10 Mar 2026 15:01:35 +0000' });
    expect(app.received.at(-1)?.signatureValid).toBe(true);
  });

  it('sends the completed status callback when the caller hangs up, and refuses a second hangup', async () => {
    const { app, sim } = await setup({ '/twilio/voice': () => twiml('<Gather input="speech" action="/twilio/gather"/>') });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    await call.hangup();
    expect(call.state).toBe('ended');
    expect(app.received.at(-1)).toMatchObject({ path: '/twilio/status', params: { CallStatus: 'completed' } });
    await expect(call.hangup()).rejects.toThrow(/already ended/);
    await expect(call.say('hello?')).rejects.toThrow(/ended/);
  });

  it('retries the last request byte for byte: same body, signature and idempotency token', async () => {
    let n = 0;
    const { app, sim } = await setup({
      '/twilio/voice': () => twiml('<Gather input="speech" action="/twilio/gather"/>'),
      '/twilio/gather': () => twiml(`<Say>Answer ${++n}</Say><Gather input="speech" action="/twilio/gather"/>`),
    });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    await call.say('book me in');
    const body = await call.retryLast();
    const [first, retry] = app.received.slice(-2);
    expect(retry?.headers['i-twilio-idempotency-token']).toBe(first?.headers['i-twilio-idempotency-token']);
    expect(retry?.headers['x-twilio-signature']).toBe(first?.headers['x-twilio-signature']);
    expect(retry?.params).toEqual(first?.params);
    expect(retry?.signatureValid).toBe(true);
    expect(body).toContain('Answer 2');
    expect(call.heard()).toEqual(['Answer 1']);
    expect(call.requests.at(-1)?.kind).toBe('retry');
  });

  it('numbers status callbacks and can deliver them out of order', async () => {
    const { app, sim } = await setup({ '/twilio/voice': () => twiml('<Gather input="speech" action="/twilio/gather"/>') });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    await call.sendStatus('completed', { sequenceNumber: 3, callDurationSeconds: 12 });
    await call.sendStatus('in-progress', { sequenceNumber: 1 });
    await call.hangup();
    const statuses = app.received.filter((r) => r.path === '/twilio/status').map((r) => [r.params['CallStatus'], r.params['SequenceNumber'], r.params['CallDuration']]);
    expect(statuses).toEqual([
      ['completed', '3', '12'],
      ['in-progress', '1', undefined],
      ['completed', '4', '0'],
    ]);
    expect(call.state).toBe('ended');
  });
});

describe('SimulatedTwilio: answers Twilio cannot run', () => {
  const failures: [string, () => Reply, number][] = [
    ['a 500', () => ({ status: 500, contentType: 'text/plain', body: 'boom' }), 11200],
    ['malformed XML', () => '<Response><Say>unclosed</Response>', 12100],
    ['a root other than Response', () => '<Reply><Say>hi</Say></Reply>', 12102],
    ['an unknown verb', () => twiml('<Speak>hi</Speak>'), 12200],
    ['TwiML served as text/html', () => ({ contentType: 'text/html', body: twiml('<Say>hi</Say>') }), 12300],
  ];
  it.each(failures)('fails the call on %s: the apology, the call ends, the status callback still goes', async (_name, reply, code) => {
    const { app, sim } = await setup({ '/twilio/voice': reply });
    const err = await sim.placeCall({ from: CALLER, to: PRACTICE }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TwilioApplicationError);
    const call = (err as TwilioApplicationError).call;
    expect(call.applicationError).toMatchObject({ code, url: `${PUBLIC_URL}/twilio/voice` });
    expect(call.heard()).toEqual([APPLICATION_ERROR_APOLOGY]);
    expect(call.state).toBe('ended');
    expect(app.received.at(-1)).toMatchObject({ path: '/twilio/status', params: { CallStatus: 'completed' } });
  });

  it('fails a later turn the same way, after the earlier turns were heard', async () => {
    const { sim } = await setup({
      '/twilio/voice': () => twiml('<Say>Hi.</Say><Gather input="speech" action="/twilio/gather"/>'),
      '/twilio/gather': () => ({ status: 502, contentType: 'text/plain', body: 'bad gateway' }),
    });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    await expect(call.say('hello')).rejects.toThrow(/application error 11200/);
    expect(call.transcript).toEqual(['Hi.', APPLICATION_ERROR_APOLOGY]);
  });

  it('signs with a wrong token when asked to, so the app refuses it (and Twilio reports an application error)', async () => {
    const { app, sim } = await setup({ '/twilio/voice': () => twiml('<Say>never</Say>') }, { signWith: 'not-the-auth-token', statusCallbackPath: null });
    const call = await sim.placeFailingCall({ from: CALLER, to: PRACTICE });
    expect(app.received[0]?.signatureValid).toBe(false);
    expect(call.applicationError).toMatchObject({ code: 11200, httpStatus: 403 });
  });

  it('refuses TwiML that points Twilio at a URL outside the public URL (e.g. a leaked loopback address)', async () => {
    const { app, sim } = await setup({ '/twilio/voice': () => twiml(`<Redirect>http://127.0.0.1:1/twilio/next</Redirect>`) });
    await expect(sim.placeCall({ from: CALLER, to: PRACTICE })).rejects.toThrow(/not under the public URL/);
    expect(app.received).toHaveLength(1);
  });
});

describe('FakeTwilioRest with the real twilio SDK', () => {
  async function startRest(options: { attach?: SimulatedTwilio } = {}) {
    const rest = await new FakeTwilioRest({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, now: () => Date.parse('2026-03-10T15:00:00Z') }).start();
    cleanups.push(() => rest.stop());
    if (options.attach) rest.attach(options.attach);
    return { rest, client: twilioClientFor(rest, { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }) };
  }

  it('sends an SMS: the SDK reaches the fake with Basic auth and parses the Message resource', async () => {
    const { rest, client } = await startRest();
    const message = await client.messages.create({ to: CALLER, from: PRACTICE, body: 'Your cleaning is booked for Tue 10:00.', statusCallback: `${PUBLIC_URL}/twilio/sms-status` });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.status).toBe('queued');
    expect(message.to).toBe(CALLER);
    expect(message.dateCreated.toISOString()).toBe('2026-03-10T15:00:00.000Z');
    expect(rest.requests[0]).toMatchObject({
      method: 'POST',
      path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
      params: { To: CALLER, From: PRACTICE, Body: 'Your cleaning is booked for Tue 10:00.', StatusCallback: `${PUBLIC_URL}/twilio/sms-status` },
      auth: { username: ACCOUNT_SID, password: AUTH_TOKEN },
    });
    const fetched = await client.messages(message.sid).fetch();
    expect(fetched.body).toBe('Your cleaning is booked for Tue 10:00.');
  });

  it('refuses wrong credentials with 401 / 20003, which the SDK raises as a RestException', async () => {
    const { rest } = await startRest();
    const wrong = twilioClientFor(rest, { accountSid: ACCOUNT_SID, authToken: 'wrong-token' });
    await expect(wrong.messages.create({ to: CALLER, from: PRACTICE, body: 'hi' })).rejects.toMatchObject({ status: 401, code: 20003 });
  });

  it("validates Messages params like Twilio: 21604 no To, 21603 no sender, 21602 no Body, 21211 bad To", async () => {
    const { rest } = await startRest();
    const post = async (params: Record<string, string>) => {
      const res = await fetch(`${rest.baseUrl}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, {
        method: 'POST',
        headers: { Authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
      });
      return { httpStatus: res.status, ...((await res.json()) as Record<string, unknown>) };
    };
    expect(await post({ From: PRACTICE, Body: 'x' })).toEqual({ httpStatus: 400, status: 400, code: 21604, message: expect.any(String), more_info: 'https://www.twilio.com/docs/errors/21604' });
    expect(await post({ To: CALLER, Body: 'x' })).toMatchObject({ httpStatus: 400, code: 21603 });
    expect(await post({ To: CALLER, From: PRACTICE })).toMatchObject({ httpStatus: 400, code: 21602 });
    expect(await post({ To: 'tomorrow', From: PRACTICE, Body: 'x' })).toMatchObject({ httpStatus: 400, code: 21211 });
    // A Messaging Service chooses the sender itself, so Twilio accepts the message before queueing it.
    expect(await post({ To: CALLER, MessagingServiceSid: 'MG' + '0'.repeat(32), Body: 'x' })).toMatchObject({ httpStatus: 201, status: 'accepted', from: null });
  });

  it('injects failures and holds responses without sleeping', async () => {
    const { rest, client } = await startRest();
    rest.failNext({ status: 503 });
    await expect(client.messages.create({ to: CALLER, from: PRACTICE, body: 'one' })).rejects.toMatchObject({ status: 503 });

    const hold = rest.holdNext();
    let settled = false;
    const pending = client.messages.create({ to: CALLER, from: PRACTICE, body: 'two' }).finally(() => (settled = true));
    const seen = await hold.received;
    expect(seen.params['Body']).toBe('two');
    expect(settled).toBe(false);
    hold.release();
    expect((await pending).status).toBe('queued');
  });

  it('updates a live simulated call: new TwiML plays on the call, and Status=completed hangs it up', async () => {
    const { app, sim } = await setup({ '/twilio/voice': () => twiml('<Gather input="speech" action="/twilio/gather"><Say>Hello.</Say></Gather>') });
    const { client } = await startRest({ attach: sim });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    call.heard();

    const updated = await client.calls(call.sid).update({ twiml: twiml('<Say>Connecting you to the front desk.</Say><Dial>+15555550100</Dial>') });
    expect(updated.sid).toBe(call.sid);
    expect(updated.status).toBe('in-progress');
    await call.idle();
    expect(call.heard()).toEqual(['Connecting you to the front desk.']);
    expect(call.state).toBe('dialing');
    expect(call.dialed).toEqual(['+15555550100']);

    const ended = await client.calls(call.sid).update({ status: 'completed' });
    expect(ended.status).toBe('completed');
    await call.idle();
    expect(call.state).toBe('ended');
    expect(app.received.at(-1)).toMatchObject({ path: '/twilio/status', params: { CallStatus: 'completed' } });

    await expect(client.calls(call.sid).update({ twiml: twiml('<Say>too late</Say>') })).rejects.toMatchObject({ status: 400, code: 21220 });
    await expect(client.calls('CA' + 'f'.repeat(32)).update({ status: 'completed' })).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('redirects a live call to a Url, which Twilio then requests with the call parameters', async () => {
    const { app, sim } = await setup({
      '/twilio/voice': () => twiml('<Gather input="speech" action="/twilio/gather"/>'),
      '/twilio/takeover': () => twiml('<Say>A member of staff is joining.</Say><Dial>+15555550100</Dial>'),
    });
    const { client } = await startRest({ attach: sim });
    const call = await sim.placeCall({ from: CALLER, to: PRACTICE });
    await client.calls(call.sid).update({ url: `${PUBLIC_URL}/twilio/takeover`, method: 'POST' });
    await call.idle();
    expect(app.received.at(-1)).toMatchObject({ path: '/twilio/takeover', signatureValid: true, params: { CallSid: call.sid, CallStatus: 'in-progress' } });
    expect(call.heard()).toEqual(['A member of staff is joining.']);
  });

  it('also answers an SDK pointed at it through client.api.baseUrl', async () => {
    const { rest } = await startRest();
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
    client.api.baseUrl = rest.baseUrl;
    const call = await client.calls('CA' + '1'.repeat(32)).update({ twiml: twiml('<Hangup/>') });
    expect(call.status).toBe('in-progress');
    expect(rest.requests[0]?.params['Twiml']).toContain('<Hangup/>');
  });
});
