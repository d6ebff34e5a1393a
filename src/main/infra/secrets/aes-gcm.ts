import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { VaultError } from './secret-names.js';

export const KEY_BYTES = 32;
const IV_BYTES = 12;

export interface SealedValue {
  iv: string;
  tag: string;
  data: string;
}

/**
 * AES-256-GCM with the secret's name as additional authenticated data, so a ciphertext moved to
 * another name, a flipped bit or a wrong key all fail authentication instead of decrypting to junk.
 */
export function seal(key: Buffer, name: string, value: string): SealedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aadFor(name), 'utf8'));
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function unseal(key: Buffer, name: string, sealed: SealedValue): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aadFor(name), 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new VaultError(
      `The stored secret ${name} cannot be decrypted: the vault key is not the one it was saved with, or the secrets file was altered. Set it again with \`frontdesk secrets set ${name}\`.`,
    );
  }
}

/** A key from the environment: 32 bytes as base64 (44 characters) or hex (64 characters). */
export function parseVaultKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new VaultError(`FRONTDESK_VAULT_KEY must be ${KEY_BYTES} random bytes as base64 or hex (for example the output of \`openssl rand -base64 32\`).`);
  }
  return key;
}

function aadFor(name: string): string {
  return `frontdesk-vault:v1:${name}`;
}
