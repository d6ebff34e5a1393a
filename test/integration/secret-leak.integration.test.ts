import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDataDir, removeDataDir, startAppliance, type RunningAppliance } from '../e2e/support/appliance.js';
import { DeskSocket } from '../e2e/support/desk-socket.js';
import { runCli } from '../support/run-cli.js';
import { SimulatedTwilio } from '../support/twilio/simulated-twilio.js';
import { FakeTwilioRest } from '../support/twilio/fake-twilio-rest.js';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const SECRETS = {
  TWILIO_AUTH_TOKEN: 'twilio-9c1f4e7a2b6d8e0f3a5c7e9b1d3f5a7c',
  NGROK_AUTHTOKEN: 'ngrok-2Xq8Zr5Lm1Vb7Nc4Kd9Hs3Jf6',
  OPENAI_API_KEY: 'sk-proj-leakcheck-4f8a2c6e0b',
  DEEPGRAM_API_KEY: 'dg-leakcheck-7d3b9f1e5a',
};

/** Every file under a folder (SQLite, its WAL, the vault, anything else), as raw bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, bytes: readFileSync(path) }];
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('secrets at rest', { timeout: 240_000 }, () => {
  it('never appear in plain text in the data folder, the logs, /api/health, the console or an export', async () => {
    const rest = await new FakeTwilioRest({ accountSid: ACCOUNT, authToken: SECRETS.TWILIO_AUTH_TOKEN }).start();
    rest.numbers.add({ phoneNumber: '+15555550123' });
    const dataDir = await createDataDir();
    cleanups.push(async () => {
      await rest.stop();
      await removeDataDir(dataDir);
    });
    const env = { FRONTDESK_DATA_DIR: dataDir, TWILIO_API_BASE: rest.baseUrl, FRONTDESK_LOG_LEVEL: 'trace' };
    const outputs: string[] = [];
    for (const name of ['NGROK_AUTHTOKEN', 'OPENAI_API_KEY', 'DEEPGRAM_API_KEY'] as const) {
      const result = await runCli(['secrets', 'set', name], env, SECRETS[name]);
      expect(result.code).toBe(0);
      outputs.push(result.stdout, result.stderr);
    }

    const appliance: RunningAppliance = await startAppliance({ dataDir, env: { TWILIO_API_BASE: rest.baseUrl, FRONTDESK_LOG_LEVEL: 'trace' } });
    cleanups.push(() => appliance.stop());
    const webhookBase = appliance.webhookUrl.replace(/\/twilio\/voice$/, '');
    const desk = await DeskSocket.open(appliance.consoleUrl);
    cleanups.push(async () => desk.close());
    // The wizard's path: the token goes in through the console once and never comes back out.
    outputs.push(JSON.stringify(await desk.call('setup/save-twilio', { accountSid: ACCOUNT, authToken: SECRETS.TWILIO_AUTH_TOKEN })));
    outputs.push(JSON.stringify(await desk.call('tunnel/configure', { mode: 'url', url: webhookBase })));
    outputs.push(JSON.stringify(await desk.call('phone/attach-number', { tenantId: 'bright-smiles', phoneNumber: '+15555550123' })));
    outputs.push(JSON.stringify(await desk.call('setup/get-status', {})));
    outputs.push(JSON.stringify(await desk.call('secrets/list', {})));
    outputs.push(JSON.stringify(await desk.call('health/get', {})));
    // A wrong token is refused without being echoed either.
    const refused = await desk.refusal('setup/save-twilio', { accountSid: ACCOUNT, authToken: `${SECRETS.TWILIO_AUTH_TOKEN}-typo` });
    expect(refused.message).toMatch(/refused that account SID/);
    outputs.push(JSON.stringify(refused));

    const twilio = new SimulatedTwilio({ webhookBase, publicUrl: webhookBase, authToken: SECRETS.TWILIO_AUTH_TOKEN, accountSid: ACCOUNT });
    const call = await twilio.placeCall({ from: '+15555550199', to: '+15555550123' });
    await call.say('what are your hours');
    await call.hangup();
    const forged = new SimulatedTwilio({ webhookBase, publicUrl: webhookBase, authToken: SECRETS.TWILIO_AUTH_TOKEN, accountSid: ACCOUNT, signWith: 'forged' });
    await forged.placeFailingCall({ from: '+15555550199', to: '+15555550123' });

    const health = await (await fetch(`${appliance.consoleUrl}api/health`)).text();
    expect(JSON.parse(health)).toMatchObject({ reachability: { numbers: [{ phoneNumber: '+15555550123', verified: true }] }, vendors: { openai: 'configured', deepgram: 'configured' } });
    outputs.push(health);
    outputs.push((await runCli(['tenant', 'export', 'bright-smiles'], env)).stdout);
    outputs.push((await runCli(['secrets', 'list'], env)).stdout);
    await desk.close();
    await appliance.stop();

    const logs = appliance.stderr();
    expect(logs).toContain('phone number points here'); // the set-up really was logged
    const files = filesUnder(dataDir);
    expect(files.map((f) => f.path).join('\n')).toMatch(/frontdesk\.sqlite/);
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(logs, `${name} in the logs`).not.toContain(value);
      for (const output of outputs) expect(output, `${name} in an answer`).not.toContain(value);
      for (const file of files) expect(file.bytes.includes(Buffer.from(value, 'utf8')), `${name} in ${file.path}`).toBe(false);
    }
  });
});
