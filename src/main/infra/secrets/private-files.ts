import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Makes (or tightens) a folder only the service user can enter. No-op for modes on Windows. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Writes through a temporary file and a rename, so a crash never leaves half a secrets file. */
export function writePrivateFile(file: string, contents: string | Buffer): void {
  ensurePrivateDir(dirname(file));
  const temp = join(dirname(file), `.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temp, contents, { mode: PRIVATE_FILE_MODE });
  renameSync(temp, file);
}

/** True when group or others could read the file (never on Windows, where modes do not apply). */
export function isReadableByOthers(file: string): boolean {
  return process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0;
}

/**
 * A JSON object in a private file, re-read only when the file changed on disk: the CLI and the
 * running appliance share it, and a value set by one is seen by the other at its next read.
 */
export class PrivateJsonFile<T extends object> {
  private cached: { stamp: string; value: T } | null = null;

  constructor(
    readonly path: string,
    private readonly empty: () => T,
  ) {}

  read(): T {
    if (!existsSync(this.path)) return this.empty();
    const stats = statSync(this.path);
    const stamp = `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
    if (this.cached?.stamp === stamp) return this.cached.value;
    const value = JSON.parse(readFileSync(this.path, 'utf8')) as T;
    this.cached = { stamp, value };
    return value;
  }

  write(value: T): void {
    writePrivateFile(this.path, `${JSON.stringify(value, null, 2)}\n`);
    this.cached = null;
  }
}
