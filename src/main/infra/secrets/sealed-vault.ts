import { join } from 'node:path';
import type { Logger, SecretVault } from '../../core/kernel/index.js';
import { SECRETS_DIR } from './file-vault.js';
import { PrivateJsonFile } from './private-files.js';
import { assertSecretName, VaultError, type VaultProtection } from './secret-names.js';

export const SEALED_FILE = 'secrets.safe-storage.json';

/** The slice of Electron's `safeStorage` the desktop vault uses (the Electron host passes the real one). */
export interface OsSealer {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  /** Linux only: `basic_text` means a hard-coded password, which is no real protection. */
  getSelectedStorageBackend?(): string;
}

export interface SealedVault extends SecretVault {
  readonly protection: VaultProtection;
}

interface SealedFile {
  version: 1;
  entries: Record<string, string>;
}

/**
 * The desktop vault: values sealed by the OS keychain through Electron's safeStorage, kept in
 * `secrets/secrets.safe-storage.json`. The `frontdesk` CLI cannot reach the keychain, so what it
 * stored in the key-file vault (`fallback`) is still read, and a desktop `set` replaces it.
 */
export function createSealedVault(options: { dataDir: string; sealer: OsSealer; fallback: SecretVault; logger: Logger }): SealedVault {
  const { sealer, fallback } = options;
  const file = new PrivateJsonFile<SealedFile>(join(options.dataDir, SECRETS_DIR, SEALED_FILE), () => ({ version: 1, entries: {} }));
  const backend = sealer.getSelectedStorageBackend?.() ?? 'os';
  const protection: VaultProtection = backend === 'basic_text' ? 'basic-text' : 'os-keychain';
  if (protection === 'basic-text') {
    options.logger.warn(
      { backend },
      'safeStorage uses the basic_text backend (no keyring found): stored secrets are obfuscated, not protected. Install gnome-keyring or KWallet.',
    );
  }
  const entries = () => file.read().entries;

  return {
    protection,
    get(name) {
      const sealed = entries()[name];
      if (sealed === undefined) return fallback.get(name);
      try {
        return sealer.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        throw new VaultError(`The stored secret ${name} cannot be unsealed by this computer's keychain; set it again.`);
      }
    },
    set(name, value) {
      assertSecretName(name);
      if (value.length === 0) throw new VaultError(`An empty value cannot be stored for ${name}; use delete to remove it.`);
      if (!sealer.isEncryptionAvailable()) throw new VaultError("This computer's keychain is not available, so the secret cannot be stored safely.");
      file.write({ version: 1, entries: { ...entries(), [name]: sealer.encryptString(value).toString('base64') } });
      // One value per name: an older copy the CLI stored must not come back after a delete.
      fallback.delete(name);
    },
    delete(name) {
      const { [name]: _removed, ...rest } = entries();
      file.write({ version: 1, entries: rest });
      fallback.delete(name);
    },
    names: () => [...new Set([...Object.keys(entries()), ...fallback.names()])].sort(),
  };
}
