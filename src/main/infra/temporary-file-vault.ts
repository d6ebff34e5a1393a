import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretVault } from '../core/kernel/index.js';

export const TEMPORARY_VAULT_FILE = 'secrets.TEMPORARY-PLAINTEXT.json';

/**
 * TEMPORARY, to be replaced by the encrypted vault of issue 10 at integration: secrets in a JSON
 * file in the data folder, readable only by this user (0600), NOT encrypted. It is a file rather
 * than memory so that a calendar connected with the CLI is usable by the running appliance.
 * Read at every `get`, so a value written by another process applies without a restart.
 */
export class TemporaryPlaintextFileVault implements SecretVault {
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, TEMPORARY_VAULT_FILE);
  }

  get(name: string): string | null {
    return this.read()[name] ?? null;
  }

  set(name: string, value: string): void {
    this.write({ ...this.read(), [name]: value });
  }

  delete(name: string): void {
    const all = this.read();
    if (!(name in all)) return;
    delete all[name];
    this.write(all);
  }

  names(): string[] {
    return Object.keys(this.read());
  }

  private read(): Record<string, string> {
    if (!existsSync(this.path)) return {};
    return JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string>;
  }

  private write(all: Record<string, string>): void {
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.path);
  }
}
