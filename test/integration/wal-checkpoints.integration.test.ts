import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/infra/db/database.js';
import { startWalCheckpointer, type WalCheckpointer } from '../../src/main/infra/db/wal-checkpointer.js';
import { makeTempDir } from '../support/temp-dir.js';

/*
 * SQLite's checkpoints, moved off the call path: the app's connection never checkpoints, a worker
 * thread's connection does. Real files, real threads; the worker runs on its own real timer, so the
 * tests wait for what it does (expect.poll) rather than for a time.
 */
const silent = pino({ level: 'silent' });
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function database(): { db: Db; path: string } {
  const { dir, cleanup } = makeTempDir('frontdesk-wal-');
  const path = join(dir, 'frontdesk.db');
  const db = openDatabase(path);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, blob TEXT NOT NULL)');
  cleanups.push(cleanup, () => void (db.open && db.close()));
  return { db, path };
}

/** About 4 MB through the write-ahead log, in many small commits as a day of calls makes. */
function writeADay(db: Db): void {
  const insert = db.prepare('INSERT INTO filler (blob) VALUES (?)');
  for (let i = 0; i < 1000; i++) insert.run('x'.repeat(4000));
}

const size = (path: string) => statSync(path).size;

describe('background WAL checkpoints', () => {
  it("copy the log into the database from the worker while the app's connection never does", async () => {
    const { db, path } = database();
    const checkpointer: WalCheckpointer = startWalCheckpointer(db, path, silent, 20);
    cleanups.push(() => checkpointer.stop());
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = size(path);
    writeADay(db);
    await expect.poll(() => size(path), { timeout: 30_000 }).toBeGreaterThan(before + 3_000_000);
  });

  it('without the worker, nothing is copied: the log only grows (the test above can fail)', () => {
    const { db, path } = database();
    db.pragma('wal_autocheckpoint = 0');
    const before = size(path);
    writeADay(db);
    expect(size(path)).toBe(before);
    expect(size(`${path}-wal`)).toBeGreaterThan(3_000_000);
  });

  it("hands checkpoints back to the app's connection when the worker cannot run", async () => {
    const { db, path } = database();
    // The worker opens a database that is not there and stops; the app must not be left without checkpoints.
    const checkpointer = startWalCheckpointer(db, `${path}.missing`, silent, 20);
    cleanups.push(() => checkpointer.stop());
    await expect.poll(() => db.pragma('wal_autocheckpoint', { simple: true }), { timeout: 30_000 }).toBe(1000);
  });

  it('stops with a last checkpoint, and the database reopens with everything in it', async () => {
    const { db, path } = database();
    const checkpointer = startWalCheckpointer(db, path, silent, 60_000);
    writeADay(db);
    await checkpointer.stop();
    db.close();
    const reopened = openDatabase(path);
    cleanups.push(() => void reopened.close());
    expect(reopened.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 1000 });
  });
});
