export { createFileVault, KEY_FILE, SECRETS_DIR, SECRETS_FILE, type FileVault } from './file-vault.js';
export { createSealedVault, SEALED_FILE, type OsSealer, type SealedVault } from './sealed-vault.js';
export { overlayEnvironment, type OverlaidVault } from './env-overlay-vault.js';
export { assertSecretName, isValidSecretName, KNOWN_SECRETS, VaultError, type VaultProtection } from './secret-names.js';
