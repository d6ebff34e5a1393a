import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/index.js';
import { demoTenant } from '../support/demo-tenant.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig, TEST_AUTH_TOKEN } from '../support/test-config.js';
import { postSignedWebhook } from '../support/twilio-signer.js';

const running: { app: App; cleanup: () => void }[] = [];
afterEach(async () => {
  for (const { app, cleanup } of running.splice(0)) {
    await app.stop();
    cleanup();
  }
});

async function start(overrides: Parameters<typeof testConfig>[1] = {}) {
  const { dir, cleanup } = makeTempDir();
  const app = createApp(testConfig(dir, overrides));
  running.push({ app, cleanup });
  const urls = await app.start();
  return { app, ...urls, webhookBase: urls.webhookUrl.replace(/\/twilio\/voice$/, '') };
}

const incoming = { CallSid: 'CA0123456789abcdef0123456789abcdef', AccountSid: 'AC00000000000000000000000000000000', From: '+15555550199', To: '+15555550123', CallStatus: 'ringing', Direction: 'inbound' };

describe('the public (Twilio) listener', () => {
  it('refuses an unsigned POST to /twilio/voice with 403', async () => {
    const { webhookUrl } = await start();
    const res = await fetch(webhookUrl, { method: 'POST', body: new URLSearchParams(incoming) });
    expect(res.status).toBe(403);
  });

  it('refuses a forged signature and a signature made with another token', async () => {
    const { webhookUrl } = await start();
    const forged = await postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: TEST_AUTH_TOKEN, params: incoming, signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(forged.status).toBe(403);
    const otherToken = await postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: 'someone-elses-token', params: incoming });
    expect(otherToken.status).toBe(403);
  });

  it('refuses a body tampered with after signing', async () => {
    const { webhookUrl } = await start();
    const { twilioSignature } = await import('../support/twilio-signer.js');
    const signature = twilioSignature(TEST_AUTH_TOKEN, webhookUrl, incoming);
    const res = await postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: TEST_AUTH_TOKEN, params: { ...incoming, From: '+15555550666' }, signature });
    expect(res.status).toBe(403);
  });

  it('answers a signed call to a known number with TwiML: the greeting inside a speech gather', async () => {
    const { webhookUrl } = await start();
    const res = await postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: TEST_AUTH_TOKEN, params: incoming });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/xml/);
    const twiml = await res.text();
    expect(twiml).toMatch(/<Gather [^>]*input="speech dtmf"[^>]*actionOnEmptyResult="true"/);
    expect(twiml).toContain('Thanks for calling Bright Smiles Dental.');
    expect(twiml).toMatch(/action="http:\/\/127\.0\.0\.1:\d+\/twilio\/gather"/);
  });

  it('answers a malformed webhook (no CallSid) with a polite sentence, not an error', async () => {
    const { webhookUrl } = await start();
    const res = await postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: TEST_AUTH_TOKEN, params: { To: '+15555550123' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<Say[^>]*>Sorry, something went wrong with this call.*<Hangup\/>/);
  });

  it('tells a caller of an unknown number politely and hangs up', async () => {
    const { webhookUrl } = await start();
    const res = await postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: TEST_AUTH_TOKEN, params: { ...incoming, To: '+15555550999' } });
    expect(res.status).toBe(200);
    const twiml = await res.text();
    expect(twiml).toMatch(/<Say>Sorry, this number isn't set up/);
    expect(twiml).toContain('<Hangup/>');
  });

  it('checks the signature over FRONTDESK_PUBLIC_URL + path + query, the URL Twilio called', async () => {
    const publicUrl = 'https://frontdesk.example.com';
    const { webhookBase } = await start({ publicUrl });
    const target = `${webhookBase}/twilio/voice?attempt=1`;
    const good = await postSignedWebhook({ targetUrl: target, signedUrl: `${publicUrl}/twilio/voice?attempt=1`, authToken: TEST_AUTH_TOKEN, params: incoming });
    expect(good.status).toBe(200);
    const local = await postSignedWebhook({ targetUrl: target, signedUrl: target, authToken: TEST_AUTH_TOKEN, params: incoming });
    expect(local.status).toBe(403);
    const noQuery = await postSignedWebhook({ targetUrl: target, signedUrl: `${publicUrl}/twilio/voice`, authToken: TEST_AUTH_TOKEN, params: incoming });
    expect(noQuery.status).toBe(403);
  });

  it('refuses everything when no Twilio auth token is configured (it cannot tell Twilio from anyone)', async () => {
    const { webhookUrl } = await start({ twilio: { accountSid: null, authToken: null, apiBase: null } });
    const res = await postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: TEST_AUTH_TOKEN, params: incoming });
    expect(res.status).toBe(403);
  });

  it('serves nothing but /twilio/*: the console API is not on the webhook port', async () => {
    const { webhookBase } = await start();
    for (const path of ['/api/health', '/', '/index.html', '/ws', '/twilio/unknown']) {
      expect((await fetch(webhookBase + path)).status, path).toBe(404);
    }
    expect((await fetch(`${webhookBase}/twilio/voice`)).status).toBe(405);
  });

  it('refuses an oversized body and survives it', async () => {
    const { webhookUrl } = await start();
    const res = await fetch(webhookUrl, { method: 'POST', body: 'x='.padEnd(200_000, 'y') });
    expect(res.status).toBe(413);
    const after = await postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: TEST_AUTH_TOKEN, params: incoming });
    expect(after.status).toBe(200);
  });
  it('replays an answer only to the same practice and call: the same token on another call gets its own answer', async () => {
    const { app, webhookUrl } = await start();
    const other = { ...demoTenant(), id: 'other-practice', name: 'Other Practice', phoneNumbers: ['+15555550124'], transferNumber: '+15555550777', greeting: 'Welcome to Other Practice.' };
    expect(await app.dispatch('tenants/save', { config: other }, { actor: 'test', transport: 'internal' })).toMatchObject({ ok: true });
    const post = (params: Record<string, string>) =>
      postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: TEST_AUTH_TOKEN, params, idempotencyToken: 'same-token' });

    const first = await (await post(incoming)).text();
    expect(first).toContain('Bright Smiles Dental');
    const otherPractice = await (await post({ ...incoming, CallSid: 'CA2222222222222222222222222222222b', To: '+15555550124' })).text();
    expect(otherPractice).toContain('Welcome to Other Practice.');
    expect(otherPractice).not.toContain('Bright Smiles');
    await post({ ...incoming, CallSid: 'CA3333333333333333333333333333333c', From: '+15555550188' });
    const recent = await app.dispatch('calls/list-recent', { tenantId: 'bright-smiles' }, { actor: 'test', transport: 'internal' });
    expect(recent.ok && (recent.output as { callSid: string }[]).map((c) => c.callSid).sort()).toEqual(['CA0123456789abcdef0123456789abcdef', 'CA3333333333333333333333333333333c']);
    // A true retry (same call, same token) still gets the first answer, byte for byte.
    expect(await (await post(incoming)).text()).toBe(first);
  });
});
