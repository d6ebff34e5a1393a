import type { SecretVault } from '../../core/kernel/index.js';

export interface OverlaidVault extends SecretVault {
  /** Names whose value comes from the environment (or a flag) rather than the vault. */
  overriddenNames(): string[];
}

/**
 * Environment variables (and their flags) win over stored values, for servers that keep their
 * credentials in a unit file or a secret manager. Reads go through at use time, so a value set
 * in the vault applies at once unless the environment pins it.
 */
export function overlayEnvironment(inner: SecretVault, overrides: Readonly<Record<string, string | null | undefined>>): OverlaidVault {
  const pinned = () => Object.entries(overrides).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return {
    get: (name) => {
      const value = overrides[name];
      return typeof value === 'string' && value !== '' ? value : inner.get(name);
    },
    set: (name, value) => inner.set(name, value),
    delete: (name) => inner.delete(name),
    names: () => [...new Set([...inner.names(), ...pinned().map(([name]) => name)])].sort(),
    overriddenNames: () => pinned().map(([name]) => name).sort(),
  };
}
