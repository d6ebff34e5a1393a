import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileVault, createSealedVault, SEALED_FILE, SECRETS_DIR, type OsSealer } from '../../../src/main/infra/secrets/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** Stands in for the OS keychain (Electron's safeStorage cannot run here): a reversible seal that is not plain text. */
function keychain(backend: string, available = true): OsSealer {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`sealed:${Buffer.from(plain).reverse().toString('base64')}`),
    decryptString: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(7), 'base64').reverse().toString();
    },
    getSelectedStorageBackend: () => backend,
  };
}

describe('the desktop (safeStorage) vault', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let warnings: string[];
  beforeEach(() => {
    temp = makeTempDir();
    warnings = [];
  });
  afterEach(() => temp.cleanup());
  const logger = () =>
    pino({ level: 'warn' }, { write: (line: string) => void warnings.push((JSON.parse(line) as { msg: string }).msg) });
  const build = (sealer: OsSealer) => {
    const fallback = createFileVault({ dataDir: temp.dir, keyFromEnvironment: null, logger: logger() });
    return { fallback, vault: createSealedVault({ dataDir: temp.dir, sealer, fallback, logger: logger() }) };
  };

  it('seals with the keychain and reads it back; the file holds no plain value', () => {
    const { vault } = build(keychain('gnome_libsecret'));
    vault.set('OPENAI_API_KEY', 'sk-desktop-123');
    expect(vault.get('OPENAI_API_KEY')).toBe('sk-desktop-123');
    expect(readFileSync(join(temp.dir, SECRETS_DIR, SEALED_FILE), 'utf8')).not.toContain('sk-desktop-123');
    expect(vault.protection).toBe('os-keychain');
    expect(warnings).toEqual([]);
  });

  it('warns when Linux falls back to the basic_text backend', () => {
    const { vault } = build(keychain('basic_text'));
    expect(vault.protection).toBe('basic-text');
    expect(warnings.join('\n')).toMatch(/basic_text backend/);
  });

  it('reads what the CLI stored in the key-file vault, and a desktop set replaces it', () => {
    const { vault, fallback } = build(keychain('kwallet5'));
    fallback.set('TWILIO_AUTH_TOKEN', 'from-cli');
    expect(vault.get('TWILIO_AUTH_TOKEN')).toBe('from-cli');
    vault.set('TWILIO_AUTH_TOKEN', 'from-desktop');
    expect(vault.get('TWILIO_AUTH_TOKEN')).toBe('from-desktop');
    expect(fallback.names()).toEqual([]);
    vault.delete('TWILIO_AUTH_TOKEN');
    expect(vault.get('TWILIO_AUTH_TOKEN')).toBeNull();
  });

  it('refuses to store when the keychain is unavailable, and names an unreadable value', () => {
    expect(() => build(keychain('gnome_libsecret', false)).vault.set('X', 'y')).toThrow(/keychain is not available/);
    const { vault } = build(keychain('gnome_libsecret'));
    vault.set('NGROK_AUTHTOKEN', 'abc');
    const other = createSealedVault({
      dataDir: temp.dir,
      sealer: { ...keychain('gnome_libsecret'), decryptString: () => { throw new Error('bad'); } },
      fallback: createFileVault({ dataDir: temp.dir, keyFromEnvironment: null, logger: logger() }),
      logger: logger(),
    });
    expect(() => other.get('NGROK_AUTHTOKEN')).toThrow(/cannot be unsealed/);
  });
});
