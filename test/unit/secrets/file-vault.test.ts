import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileVault, KEY_FILE, overlayEnvironment, SECRETS_DIR, SECRETS_FILE, VaultError } from '../../../src/main/infra/secrets/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

const TOKEN = 'tw-auth-3f9a1c77e2b54d0c8a6e';
const logger = pino({ level: 'silent' });
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the key-file vault', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());
  const vault = (keyFromEnvironment: string | null = null) => createFileVault({ dataDir: temp.dir, keyFromEnvironment, logger });

  it('round-trips a value, lists names only, and deletes', () => {
    const v = vault();
    expect(v.get('TWILIO_AUTH_TOKEN')).toBeNull();
    v.set('TWILIO_AUTH_TOKEN', TOKEN);
    v.set('OPENAI_API_KEY', 'sk-other');
    expect(v.get('TWILIO_AUTH_TOKEN')).toBe(TOKEN);
    expect(v.names()).toEqual(['OPENAI_API_KEY', 'TWILIO_AUTH_TOKEN']);
    v.delete('OPENAI_API_KEY');
    expect(v.names()).toEqual(['TWILIO_AUTH_TOKEN']);
    // A second vault over the same folder (the CLI next to the running appliance) reads the same value.
    expect(vault().get('TWILIO_AUTH_TOKEN')).toBe(TOKEN);
  });

  it('keeps the value out of every file in plain text', () => {
    vault().set('TWILIO_AUTH_TOKEN', TOKEN);
    const dir = join(temp.dir, SECRETS_DIR);
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name), 'utf8')).not.toContain(TOKEN);
  });

  it('makes the folder 0700 and the key and secrets files 0600', () => {
    vault().set('TWILIO_AUTH_TOKEN', TOKEN);
    expect(modeOf(join(temp.dir, SECRETS_DIR))).toBe(0o700);
    expect(modeOf(join(temp.dir, SECRETS_DIR, KEY_FILE))).toBe(0o600);
    expect(modeOf(join(temp.dir, SECRETS_DIR, SECRETS_FILE))).toBe(0o600);
  });

  it('takes back a key file someone made readable to others', () => {
    vault().set('TWILIO_AUTH_TOKEN', TOKEN);
    chmodSync(join(temp.dir, SECRETS_DIR, KEY_FILE), 0o644);
    expect(vault().get('TWILIO_AUTH_TOKEN')).toBe(TOKEN);
    expect(modeOf(join(temp.dir, SECRETS_DIR, KEY_FILE))).toBe(0o600);
  });

  it('refuses to decrypt with the wrong key', () => {
    vault().set('TWILIO_AUTH_TOKEN', TOKEN);
    writeFileSync(join(temp.dir, SECRETS_DIR, KEY_FILE), `${Buffer.alloc(32, 7).toString('base64')}\n`, { mode: 0o600 });
    expect(() => vault().get('TWILIO_AUTH_TOKEN')).toThrow(VaultError);
    expect(() => vault().get('TWILIO_AUTH_TOKEN')).toThrow(/cannot be decrypted/);
  });

  it('refuses a tampered ciphertext, and a ciphertext moved to another name', () => {
    vault().set('TWILIO_AUTH_TOKEN', TOKEN);
    vault().set('OPENAI_API_KEY', 'sk-other');
    const path = join(temp.dir, SECRETS_DIR, SECRETS_FILE);
    const original = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, { data: string }> };
    const flipped = Buffer.from(original.entries.TWILIO_AUTH_TOKEN!.data, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    const tampered = structuredClone(original);
    tampered.entries.TWILIO_AUTH_TOKEN!.data = flipped.toString('base64');
    writeFileSync(path, JSON.stringify(tampered));
    expect(() => vault().get('TWILIO_AUTH_TOKEN')).toThrow(/cannot be decrypted/);

    const swapped = structuredClone(original);
    swapped.entries.TWILIO_AUTH_TOKEN = original.entries.OPENAI_API_KEY!;
    writeFileSync(path, JSON.stringify(swapped));
    expect(() => vault().get('TWILIO_AUTH_TOKEN')).toThrow(/cannot be decrypted/);
  });

  it('uses a key from the environment instead of a key file', () => {
    const key = Buffer.alloc(32, 9).toString('base64');
    const v = vault(key);
    expect(v.protection).toBe('environment-key');
    v.set('NGROK_AUTHTOKEN', 'ngrok-token-1');
    expect(readdirSync(join(temp.dir, SECRETS_DIR))).not.toContain(KEY_FILE);
    expect(vault(key).get('NGROK_AUTHTOKEN')).toBe('ngrok-token-1');
    expect(() => vault(Buffer.alloc(32, 1).toString('hex')).get('NGROK_AUTHTOKEN')).toThrow(/cannot be decrypted/);
    expect(() => vault('too-short')).toThrow(/FRONTDESK_VAULT_KEY must be 32 random bytes/);
  });

  it('refuses a name that looks like a value, and an empty value', () => {
    expect(() => vault().set('sk live 123', 'x')).toThrow(/not a secret name/);
    expect(() => vault().set('OPENAI_API_KEY', '')).toThrow(/empty value/);
  });

  it('lets the environment override a stored value, and a stored change apply at the next read', () => {
    const stored = vault();
    const overlaid = overlayEnvironment(stored, { TWILIO_AUTH_TOKEN: 'from-env', NGROK_AUTHTOKEN: undefined });
    stored.set('TWILIO_AUTH_TOKEN', TOKEN);
    stored.set('NGROK_AUTHTOKEN', 'first');
    expect(overlaid.get('TWILIO_AUTH_TOKEN')).toBe('from-env');
    expect(overlaid.get('NGROK_AUTHTOKEN')).toBe('first');
    vault().set('NGROK_AUTHTOKEN', 'rotated');
    expect(overlaid.get('NGROK_AUTHTOKEN')).toBe('rotated');
    expect(overlaid.overriddenNames()).toEqual(['TWILIO_AUTH_TOKEN']);
    expect(overlaid.names()).toEqual(['NGROK_AUTHTOKEN', 'TWILIO_AUTH_TOKEN']);
  });
});
