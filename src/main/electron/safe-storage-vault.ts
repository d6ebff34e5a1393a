import { safeStorage } from 'electron';
import type { Logger } from '../core/kernel/index.js';
import { createFileVault, createSealedVault, type SealedVault } from '../infra/secrets/index.js';

/** The desktop vault: Electron's safeStorage (OS keychain) over the key-file vault the CLI writes. */
export function createDesktopVault(options: { dataDir: string; vaultKey: string | null; logger: Logger }): SealedVault {
  const fallback = createFileVault({ dataDir: options.dataDir, keyFromEnvironment: options.vaultKey, logger: options.logger });
  // getSelectedStorageBackend exists on Linux only; elsewhere the OS keychain is always real.
  const sealer = {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plain: string) => safeStorage.encryptString(plain),
    decryptString: (sealed: Buffer) => safeStorage.decryptString(sealed),
    getSelectedStorageBackend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'),
  };
  return createSealedVault({ dataDir: options.dataDir, sealer, fallback, logger: options.logger });
}
