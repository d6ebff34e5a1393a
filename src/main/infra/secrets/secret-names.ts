/** The credentials Frontdesk itself knows by name; other names (calendar tokens) are allowed too. */
export const KNOWN_SECRETS = ['TWILIO_AUTH_TOKEN', 'NGROK_AUTHTOKEN', 'DEEPGRAM_API_KEY', 'OPENAI_API_KEY'] as const;

/** Names are identifiers, never values: letters, digits and `_ . : -`, so a pasted token is refused as a name. */
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/;

export function isValidSecretName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

export class VaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultError';
  }
}

export function assertSecretName(name: string): void {
  if (!isValidSecretName(name)) {
    throw new VaultError(`"${name.slice(0, 40)}" is not a secret name: use letters, digits and _ . : - (for example TWILIO_AUTH_TOKEN).`);
  }
}

/** How well stored values are protected, for health and the console (never the values). */
export type VaultProtection = 'key-file' | 'environment-key' | 'os-keychain' | 'basic-text';
