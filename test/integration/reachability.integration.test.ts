import pino from 'pino';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/index.js';
import type { Health, SetupStatus, TunnelStatusDto } from '../../src/shared/contract/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { FakeTunnels } from '../support/fake-tunnel.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';
import { postSignedWebhook } from '../support/twilio-signer.js';
import { FakeTwilioRest } from '../support/twilio/fake-twilio-rest.js';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'rest-and-webhook-token-0123456789';
const incoming = { CallSid: 'CA0123456789abcdef0123456789abcdef', AccountSid: ACCOUNT, From: '+15555550199', To: '+15555550123', CallStatus: 'ringing', Direction: 'inbound' };

interface Started {
  app: App;
  tunnels: FakeTunnels;
  rest: FakeTwilioRest;
  clock: FakeClock;
  consoleUrl: string;
  webhookBase: string;
  run<T>(name: string, input?: unknown): Promise<T>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(): Promise<Started> {
  const { dir, cleanup } = makeTempDir();
  const clock = FakeClock.at('2026-11-23T14:00:00Z');
  const rest = await new FakeTwilioRest({ accountSid: ACCOUNT, authToken: TOKEN }).start();
  rest.numbers.add({ phoneNumber: '+15555550123', voiceUrl: 'https://old.example.com/voice' });
  const tunnels = new FakeTunnels();
  const app = createApp(testConfig(dir, { twilio: { accountSid: ACCOUNT, authToken: null, apiBase: rest.baseUrl } }), {
    tunnels: tunnels.factory,
    clock,
    logger: pino({ level: 'silent' }),
  });
  cleanups.push(async () => {
    await app.stop();
    await tunnels.closeAll();
    await rest.stop();
    cleanup();
  });
  const urls = await app.start();
  const run = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const result = await app.dispatch(name, input, { actor: 'owner', transport: 'internal' });
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.output as T;
  };
  await run('secrets/set', { name: 'TWILIO_AUTH_TOKEN', value: TOKEN });
  return { app, tunnels, rest, clock, consoleUrl: urls.consoleUrl!, webhookBase: urls.webhookUrl.replace(/\/twilio\/voice$/, ''), run };
}

const ngrok = (s: Started, extra: Record<string, unknown> = {}) => s.run<TunnelStatusDto>('tunnel/configure', { mode: 'ngrok', authtoken: 'ngrok-token-1', ...extra });

describe('reachability through a tunnel', () => {
  it('forwards only to the public listener: the console is not reachable through the tunnel', async () => {
    const s = await start();
    const status = await ngrok(s);
    expect(status).toMatchObject({ mode: 'ngrok', state: 'up' });
    const tunnelUrl = status.url!;
    expect(s.tunnels.current.forwardTo).toBe(s.webhookBase);
    expect(new URL(s.tunnels.current.forwardTo).port).not.toBe(new URL(s.consoleUrl).port);

    for (const path of ['/', '/index.html', '/api/health', '/ws']) {
      expect((await fetch(tunnelUrl + path)).status, path).toBe(404);
    }
    const viaTunnelSocket = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${tunnelUrl.replace(/^http/, 'ws')}/`);
      ws.once('open', () => resolve('opened'));
      ws.once('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      ws.once('error', () => resolve('refused'));
    });
    expect(viaTunnelSocket).toMatch(/^refused/);
    // The console itself is still there, on its own loopback port.
    expect((await fetch(`${s.consoleUrl}api/health`)).status).not.toBe(404);

    const answer = await postSignedWebhook({ targetUrl: `${tunnelUrl}/twilio/voice`, signedUrl: `${tunnelUrl}/twilio/voice`, authToken: TOKEN, params: incoming });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(`${tunnelUrl}/twilio/gather`);

    expect((await s.run<TunnelStatusDto>('tunnel/self-test')).selfTest).toBe('passed');
  });

  it('reports a drop and the reconnect, and a failed start with its reason, then retries', async () => {
    const s = await start();
    s.tunnels.failNextStart('Could not reach ngrok from this computer (failed to establish tcp connection).');
    const failed = await ngrok(s);
    expect(failed).toMatchObject({ state: 'down', url: null, problem: expect.stringContaining('Could not reach ngrok') });
    const health = await s.run<Health>('health/get');
    expect(health.reachability?.tunnel.problem).toContain('Could not reach ngrok');

    await s.run('tunnel/self-test');
    s.clock.advance(31_000);
    await s.run('tunnel/configure', { mode: 'ngrok' });
    const up = (await s.run<SetupStatus>('setup/get-status')).tunnel.status;
    expect(up.state).toBe('up');

    s.tunnels.current.drop();
    expect((await s.run<Health>('health/get')).reachability?.tunnel).toMatchObject({ state: 'down', problem: expect.stringContaining('reconnecting') });
    s.tunnels.current.reconnect();
    expect((await s.run<Health>('health/get')).reachability?.tunnel).toMatchObject({ state: 'up', url: up.url });
  });

  it('when the public URL changes, the number, signatures and TwiML URLs follow it', async () => {
    const s = await start();
    const first = (await ngrok(s)).url!;
    await s.run('phone/attach-number', { tenantId: 'bright-smiles', phoneNumber: '+15555550123' });
    expect(s.rest.numbers.get('+15555550123')).toMatchObject({ voice_url: `${first}/twilio/voice`, status_callback: `${first}/twilio/status`, sms_url: `${first}/twilio/sms` });

    const second = (await ngrok(s, { domain: 'bright-smiles.ngrok.app' })).url!;
    expect(second).not.toBe(first);
    expect(s.tunnels.current.spec).toEqual({ mode: 'ngrok', domain: 'bright-smiles.ngrok.app' });
    expect(s.rest.numbers.get('+15555550123')).toMatchObject({ voice_url: `${second}/twilio/voice`, voice_method: 'POST', sms_method: 'POST' });
    const health = await s.run<Health>('health/get');
    expect(health.reachability?.numbers).toEqual([expect.objectContaining({ phoneNumber: '+15555550123', verified: true, problem: null })]);

    const signedForOld = await postSignedWebhook({ targetUrl: `${s.webhookBase}/twilio/voice`, signedUrl: `${first}/twilio/voice`, authToken: TOKEN, params: incoming });
    expect(signedForOld.status).toBe(403);
    const signedForNew = await postSignedWebhook({ targetUrl: `${second}/twilio/voice`, signedUrl: `${second}/twilio/voice`, authToken: TOKEN, params: incoming });
    expect(signedForNew.status).toBe(200);
    expect(await signedForNew.text()).toContain(`${second}/twilio/gather`);
  });

  it('applies a rotated Twilio auth token to the next webhook, without a restart', async () => {
    const s = await start();
    const url = (await ngrok(s)).url!;
    const post = (token: string, sid: string) =>
      postSignedWebhook({ targetUrl: `${url}/twilio/voice`, signedUrl: `${url}/twilio/voice`, authToken: token, params: { ...incoming, CallSid: sid } });
    expect((await post(TOKEN, 'CA00000000000000000000000000000001')).status).toBe(200);
    await s.run('secrets/set', { name: 'TWILIO_AUTH_TOKEN', value: 'the-rotated-token-987654321' });
    expect((await post(TOKEN, 'CA00000000000000000000000000000002')).status).toBe(403);
    expect((await post('the-rotated-token-987654321', 'CA00000000000000000000000000000003')).status).toBe(200);
    expect((await s.run<Health>('health/get')).reachability?.lastWebhookAt).toBe(s.clock.now());
  });

  it('checks an own public URL with a signed self-test and says when it does not reach this appliance', async () => {
    const s = await start();
    const ok = await s.run<TunnelStatusDto>('tunnel/configure', { mode: 'url', url: s.webhookBase });
    expect(ok).toMatchObject({ mode: 'url', url: s.webhookBase });
    expect((await s.run<TunnelStatusDto>('tunnel/self-test')).selfTest).toBe('passed');

    // A URL whose path the proxy would rewrite: it reaches the listener under another address, so signatures cannot match.
    await s.run('tunnel/configure', { mode: 'url', url: `${s.webhookBase}/prefix` });
    const wrong = await s.run<TunnelStatusDto>('tunnel/self-test');
    expect(wrong).toMatchObject({ selfTest: 'failed', problem: expect.stringMatching(/answered, but not as this Frontdesk \(HTTP 404\)/) });

    await s.run('tunnel/configure', { mode: 'url', url: s.consoleUrl.replace(/\/$/, '') });
    expect((await s.run<TunnelStatusDto>('tunnel/self-test')).selfTest).toBe('failed');
  });
});
