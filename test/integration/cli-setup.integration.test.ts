import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, PATHS } from '../../src/main/app/index.js';
import type { Health } from '../../src/shared/contract/index.js';
import { FakeTunnels } from '../support/fake-tunnel.js';
import { runCli } from '../support/run-cli.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';
import { postSignedWebhook } from '../support/twilio-signer.js';
import { FakeTwilioRest } from '../support/twilio/fake-twilio-rest.js';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'cli-token-5b8e0d1f9a7c4e2b';
const incoming = { CallSid: 'CA0123456789abcdef0123456789abcdef', AccountSid: ACCOUNT, From: '+15555550199', To: '+15555550123', CallStatus: 'ringing', Direction: 'inbound' };

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setting() {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  const rest = await new FakeTwilioRest({ accountSid: ACCOUNT, authToken: TOKEN }).start();
  cleanups.push(() => rest.stop());
  const env = { FRONTDESK_DATA_DIR: dir, TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_API_BASE: rest.baseUrl };
  expect((await runCli(['tenant', 'import', join(PATHS.root, 'resources', 'demo-practice.json')], env)).code).toBe(0);
  return { dir, rest, env };
}

describe('frontdesk secrets …', { timeout: 240_000 }, () => {
  it('stores a value read from standard input, lists names only, and refuses a value on the command line', async () => {
    const { env } = await setting();
    expect(await runCli(['secrets', 'list'], env)).toMatchObject({ code: 0, stdout: 'No secrets are set.\n' });
    expect(await runCli(['secrets', 'set', 'TWILIO_AUTH_TOKEN'], env, `${TOKEN}\n`)).toMatchObject({ code: 0, stdout: 'Stored TWILIO_AUTH_TOKEN.\n' });
    expect(await runCli(['secrets', 'set', 'OPENAI_API_KEY'], env, 'sk-openai-value')).toMatchObject({ code: 0 });
    const listed = await runCli(['secrets', 'list'], env);
    expect(listed).toMatchObject({ code: 0, stdout: 'OPENAI_API_KEY\tset\nTWILIO_AUTH_TOKEN\tset\n' });
    expect(JSON.parse((await runCli(['secrets', 'list', '--json'], env)).stdout)).toEqual([
      { name: 'OPENAI_API_KEY', set: true, fromEnvironment: false },
      { name: 'TWILIO_AUTH_TOKEN', set: true, fromEnvironment: false },
    ]);
    const pinned = await runCli(['secrets', 'list'], { ...env, OPENAI_API_KEY: 'from-env' });
    expect(pinned.stdout).toContain('OPENAI_API_KEY\tset (from the environment)');

    const onCommandLine = await runCli(['secrets', 'set', 'NGROK_AUTHTOKEN', 'visible-in-ps'], env);
    expect(onCommandLine).toMatchObject({ code: 2, stderr: expect.stringContaining('Pass the value on standard input') });
    expect((await runCli(['secrets', 'set', 'NGROK_AUTHTOKEN'], env, '')).code).toBe(2);
    expect(await runCli(['secrets', 'delete', 'OPENAI_API_KEY'], env)).toMatchObject({ code: 0, stdout: 'Removed OPENAI_API_KEY.\n' });
  });
});

describe('frontdesk phone …', { timeout: 240_000 }, () => {
  it('lists the numbers, attaches one (pointed and read back) and detaches it (previous webhooks back)', async () => {
    const { env, rest } = await setting();
    rest.numbers.add({ phoneNumber: '+15555550123', voiceUrl: 'https://old.example.com/voice' });
    rest.numbers.add({ phoneNumber: '+15555550124', voiceApplicationSid: 'AP0123456789abcdef0123456789abcdef' });
    const missing = await runCli(['phone', 'list'], env);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('Twilio is not set up yet') });

    await runCli(['secrets', 'set', 'TWILIO_AUTH_TOKEN'], env, TOKEN);
    const listed = await runCli(['phone', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('+15555550123\t(555) 555-0123\tnot attached');
    expect(listed.stdout).toMatch(/\+15555550124.*\n {2}warning: .*TwiML app/);

    const withUrl = { ...env, FRONTDESK_PUBLIC_URL: 'https://office.example.com' };
    const attached = await runCli(['phone', 'attach', '--tenant', 'bright-smiles', '--number', '+15555550123'], withUrl);
    expect(attached).toMatchObject({ code: 0, stdout: 'Attached +15555550123 to bright-smiles. Its webhooks point to https://office.example.com/twilio/voice (read back from Twilio).\n' });
    expect(rest.numbers.get('+15555550123')).toMatchObject({ voice_url: 'https://office.example.com/twilio/voice', sms_url: 'https://office.example.com/twilio/sms' });
    expect((await runCli(['phone', 'list'], env)).stdout).toContain('attached to bright-smiles');

    expect(await runCli(['phone', 'detach', '--tenant', 'bright-smiles'], env)).toMatchObject({ code: 0 });
    expect(rest.numbers.get('+15555550123')).toMatchObject({ voice_url: 'https://old.example.com/voice', sms_url: '' });
    expect(await runCli(['phone', 'attach', '--tenant', 'bright-smiles', '--number', '555-0123'], env)).toMatchObject({ code: 2 });
  });

  it('a running appliance uses a secret, a number and a tunnel set from the CLI without a restart', async () => {
    const { dir, env, rest } = await setting();
    rest.numbers.add({ phoneNumber: '+15555550123' });
    const tunnels = new FakeTunnels();
    const app = createApp(testConfig(dir, { seedDemo: false, twilio: { accountSid: ACCOUNT, authToken: null, apiBase: rest.baseUrl } }), {
      tunnels: tunnels.factory,
      logger: pino({ level: 'silent' }),
    });
    cleanups.push(async () => {
      await app.stop();
      await tunnels.closeAll();
    });
    const { webhookUrl } = await app.start();
    const health = async () => {
      const result = await app.dispatch('health/get', {}, { actor: 'test', transport: 'internal' });
      return (result as { output: Health }).output;
    };

    // No token yet: every webhook is refused.
    expect((await postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: TOKEN, params: incoming })).status).toBe(403);
    await runCli(['secrets', 'set', 'TWILIO_AUTH_TOKEN'], env, TOKEN);
    expect((await postSignedWebhook({ targetUrl: webhookUrl, signedUrl: webhookUrl, authToken: TOKEN, params: incoming })).status).toBe(200);

    await runCli(['secrets', 'set', 'NGROK_AUTHTOKEN'], env, 'ngrok-token');
    expect(await runCli(['tunnel', 'ngrok'], env)).toMatchObject({ code: 0 });
    await vi.waitFor(async () => expect((await health()).reachability?.tunnel.state).toBe('up'), { timeout: 20_000, interval: 100 });
    const tunnelUrl = (await health()).reachability!.tunnel.url!;

    // The CLI points the number at the URL the running appliance has now.
    const attached = await runCli(['phone', 'attach', '--tenant', 'bright-smiles', '--number', '+15555550123'], env);
    expect(attached).toMatchObject({ code: 0, stdout: expect.stringContaining(`point to ${tunnelUrl}/twilio/voice`) });
    await vi.waitFor(async () => expect((await health()).reachability?.numbers).toEqual([expect.objectContaining({ phoneNumber: '+15555550123', verified: true })]), {
      timeout: 20_000,
      interval: 100,
    });
  });
});
