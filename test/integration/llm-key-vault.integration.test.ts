import { afterEach, describe, expect, it } from 'vitest';
import { collectReply } from '../../src/main/core/calls/index.js';
import { createCore } from '../../src/main/app/create-core.js';
import type { SecretVault } from '../../src/main/core/kernel/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { FakeOpenAiServer, reply } from '../support/openai/fake-openai-server.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';

/** A vault as the port describes it (issue 10 builds the encrypted one): values by name. */
function memoryVault(): SecretVault & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, get: (n) => values.get(n) ?? null, set: (n, v) => void values.set(n, v), delete: (n) => void values.delete(n), names: () => [...values.keys()] };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(envKey: string | null, vault: SecretVault) {
  const openai = await new FakeOpenAiServer(() => reply('Happy to help. What day works for you?')).start();
  const { dir, cleanup } = makeTempDir();
  const core = createCore(testConfig(dir, { llm: { apiKey: envKey, baseUrl: openai.baseUrl, model: 'fake-model' } }), { clock: FakeClock.at('2026-11-23T14:00:00Z'), vault });
  cleanups.push(cleanup, () => core.close(), () => openai.stop());
  core.seedDemoIfEmpty();
  core.tenants.save({ ...core.tenants.get('bright-smiles').config, brain: 'llm' }, 'test');
  let n = 0;
  const call = async () => {
    const callSid = `CAVAULT${n++}`;
    await collectReply((out) => core.callFlow.incoming({ callSid, from: '+15555550199', to: '+15555550123' }, out));
    return collectReply((out) => core.callFlow.gather({ callSid, speech: 'I would like an appointment', confidence: 0.9, digits: '' }, out));
  };
  return { openai, core, call };
}

describe('OPENAI_API_KEY from the vault, read at use time', () => {
  it('uses the vault\'s key, and a key saved later applies to the next call without a restart', async () => {
    const vault = memoryVault();
    vault.set('OPENAI_API_KEY', 'sk-vault-one');
    const { openai, call, core } = await setup(null, vault);
    await call();
    vault.set('OPENAI_API_KEY', 'sk-vault-two');
    await call();
    expect(openai.requests.map((r) => r.headers.authorization)).toEqual(['Bearer sk-vault-one', 'Bearer sk-vault-two']);
    expect(JSON.stringify(core.health())).not.toContain('sk-vault');
  });

  it('lets the environment\'s key win over the vault\'s', async () => {
    const vault = memoryVault();
    vault.set('OPENAI_API_KEY', 'sk-vault-one');
    const { openai, call } = await setup('sk-from-env', vault);
    await call();
    expect(openai.requests[0]!.headers.authorization).toBe('Bearer sk-from-env');
  });

  it('takes a key saved by `frontdesk secrets set OPENAI_API_KEY` (another process, the encrypted vault in the data folder) on the next call', async () => {
    const openai = await new FakeOpenAiServer(() => reply('Happy to help. What day works for you?')).start();
    const { dir, cleanup } = makeTempDir();
    const config = testConfig(dir, { llm: { apiKey: null, baseUrl: openai.baseUrl, model: 'fake-model' } });
    const core = createCore(config, { clock: FakeClock.at('2026-11-23T14:00:00Z') });
    cleanups.push(cleanup, () => core.close(), () => openai.stop());
    core.seedDemoIfEmpty();
    core.tenants.save({ ...core.tenants.get('bright-smiles').config, brain: 'llm' }, 'test');
    // The CLI opens its own core on the same data folder, as `frontdesk secrets set` does.
    const cli = createCore(config);
    await cli.run('secrets/set', { name: 'OPENAI_API_KEY', value: 'sk-saved-by-cli' });
    cli.close();
    await collectReply((out) => core.callFlow.incoming({ callSid: 'CAVAULTCLI', from: '+15555550199', to: '+15555550123' }, out));
    await collectReply((out) => core.callFlow.gather({ callSid: 'CAVAULTCLI', speech: 'I would like an appointment', confidence: 0.9, digits: '' }, out));
    expect(openai.requests.map((r) => r.headers.authorization)).toEqual(['Bearer sk-saved-by-cli']);
    expect(core.health().vendors?.openai).toBe('configured');
  });
});
