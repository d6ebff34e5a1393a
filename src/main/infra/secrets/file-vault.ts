import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger, SecretVault } from '../../core/kernel/index.js';
import { KEY_BYTES, parseVaultKey, seal, unseal, type SealedValue } from './aes-gcm.js';
import { ensurePrivateDir, isReadableByOthers, PRIVATE_FILE_MODE, PrivateJsonFile } from './private-files.js';
import { assertSecretName, VaultError, type VaultProtection } from './secret-names.js';

export const SECRETS_DIR = 'secrets';
export const KEY_FILE = 'vault.key';
export const SECRETS_FILE = 'secrets.json';

interface VaultFile {
  version: 1;
  entries: Record<string, SealedValue>;
}

export interface FileVaultOptions {
  /** The data folder; the vault lives in its `secrets/` subfolder (mode 0700). */
  dataDir: string;
  /** FRONTDESK_VAULT_KEY: the key itself, for servers that keep it outside the data folder. */
  keyFromEnvironment: string | null;
  logger: Logger;
}

export interface FileVault extends SecretVault {
  readonly protection: VaultProtection;
}

/**
 * The headless vault: every value AES-256-GCM encrypted in `secrets/secrets.json`, with a random
 * key in `secrets/vault.key` that only the service user can read (0600, folder 0700), or a key
 * from FRONTDESK_VAULT_KEY. The key file is created on the first `set`, never for a read.
 */
export function createFileVault(options: FileVaultOptions): FileVault {
  const dir = join(options.dataDir, SECRETS_DIR);
  const keyPath = join(dir, KEY_FILE);
  const file = new PrivateJsonFile<VaultFile>(join(dir, SECRETS_FILE), () => ({ version: 1, entries: {} }));
  const envKey = options.keyFromEnvironment === null ? null : parseVaultKey(options.keyFromEnvironment);
  let fileKey: Buffer | null = null;

  const readKey = (create: boolean): Buffer | null => {
    if (envKey) return envKey;
    if (fileKey) return fileKey;
    if (existsSync(keyPath)) {
      if (isReadableByOthers(keyPath)) {
        // Someone loosened it (a backup restore, a copy): take it back rather than keep running exposed.
        chmodSync(keyPath, PRIVATE_FILE_MODE);
        options.logger.warn({ path: keyPath }, 'the vault key file was readable by other users; it is now private (0600)');
      }
      fileKey = parseVaultKey(readFileSync(keyPath, 'utf8'));
      return fileKey;
    }
    if (!create) return null;
    ensurePrivateDir(dir);
    try {
      // 'wx': if the CLI and the appliance both create a key at once, one wins and both use it.
      writeFileSync(keyPath, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return readKey(false);
  };

  const entries = (): Record<string, SealedValue> => {
    const parsed = file.read();
    if (parsed.version !== 1 || typeof parsed.entries !== 'object') throw new VaultError(`${file.path} is not a Frontdesk secrets file.`);
    return parsed.entries;
  };

  return {
    protection: envKey ? 'environment-key' : 'key-file',
    get(name) {
      const sealed = entries()[name];
      if (!sealed) return null;
      const key = readKey(false);
      if (!key) throw new VaultError(`The vault key (${keyPath}) is missing, so stored secrets cannot be read. Restore it or set FRONTDESK_VAULT_KEY.`);
      return unseal(key, name, sealed);
    },
    set(name, value) {
      assertSecretName(name);
      if (value.length === 0) throw new VaultError(`An empty value cannot be stored for ${name}; use delete to remove it.`);
      const key = readKey(true)!;
      file.write({ version: 1, entries: { ...entries(), [name]: seal(key, name, value) } });
    },
    delete(name) {
      const current = entries();
      if (!(name in current)) return;
      const { [name]: _removed, ...rest } = current;
      file.write({ version: 1, entries: rest });
    },
    names: () => Object.keys(entries()).sort(),
  };
}
