import type { SecretVault } from '../../src/main/core/kernel/index.js';

/** The SecretVault port in memory, for tests (issue 10 provides the encrypted one). */
export class MemoryVault implements SecretVault {
  readonly values = new Map<string, string>();

  get(name: string): string | null {
    return this.values.get(name) ?? null;
  }

  set(name: string, value: string): void {
    this.values.set(name, value);
  }

  delete(name: string): void {
    this.values.delete(name);
  }

  names(): string[] {
    return [...this.values.keys()];
  }
}
