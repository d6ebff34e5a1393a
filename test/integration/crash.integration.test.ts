import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/app/create-core.js';
import { createHarness, type Harness } from '../support/core-harness.js';
import { makeTempDir } from '../support/temp-dir.js';

/**
 * Several OS processes book into one data folder at once and are killed with SIGKILL at a random
 * moment, mid-transaction as likely as not. After a restart the database must be intact, hold no
 * overlapping bookings, and contain every booking any process had acknowledged.
 */
const WORKER = resolve(import.meta.dirname, '..', 'support', 'crash-worker.mjs');
const NOW = '2026-11-23T14:00:00Z';
const PROCESSES = 3;
const ACTIVE = "('held', 'pending_review', 'confirmed')";

let harness: Harness | null = null;
const children: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  harness?.close();
  harness = null;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

interface Worker {
  child: ChildProcess;
  acknowledged: string[];
  errors: string[];
  exited: Promise<NodeJS.Signals | null>;
}

function startWorker(dataDir: string, label: string, seed: number, onAck: () => void): Worker {
  const child = spawn(process.execPath, [WORKER, dataDir, label, String(seed)], {
    env: { ...process.env, FRONTDESK_NOW: NOW, FRONTDESK_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const worker: Worker = { child, acknowledged: [], errors: [], exited: new Promise((done) => child.once('exit', (_code, signal) => done(signal))) };
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('ACK ')) continue;
      worker.acknowledged.push(line.slice(4));
      onAck();
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    worker.errors.push(chunk.toString());
    // An unexpected error will not fix itself: stop this worker so the test fails now, not at its timeout.
    child.kill('SIGTERM');
  });
  return worker;
}

describe('a crash in the middle of booking', () => {
  it(`loses nothing acknowledged and leaves no overlap when ${PROCESSES} booking processes are killed at a random moment`, async ({ annotate }) => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    // The demo practice, written by one appliance that then shuts down.
    createHarness({ now: NOW, dir }).close();

    const seed = Math.floor(Math.random() * 2 ** 31);
    // The kill comes after a random number of acknowledged bookings, while every process is still writing.
    const killAfter = 10 + (seed % 30);
    await annotate(`seed ${seed}: killed after ${killAfter} acknowledged bookings`);
    let total = 0;
    let killed!: () => void;
    const killedAll = new Promise<void>((done) => (killed = done));
    const workers = Array.from({ length: PROCESSES }, (_, i) =>
      startWorker(dir, `p${i}`, seed + i, () => {
        if (++total !== killAfter) return;
        for (const w of workers) w.child.kill('SIGKILL');
        killed();
      }),
    );
    const stoppedEarly = Promise.race(workers.map((w) => w.exited.then((signal) => (signal === 'SIGKILL' ? null : w))));
    const early = await Promise.race([killedAll.then(() => null), stoppedEarly]);
    expect(early?.errors.join('') ?? null).toBeNull();
    const signals = await Promise.all(workers.map((w) => w.exited));
    expect(signals).toEqual(workers.map(() => 'SIGKILL'));
    expect(workers.flatMap((w) => w.errors)).toEqual([]);

    // Restart: the appliance opens the folder (running migrations and WAL recovery) as after a power cut.
    harness = createHarness({ now: NOW, dir, seed: false });
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const overlaps = db
        .prepare(
          `SELECT a.booking_id AS a, b.booking_id AS b FROM bookings a JOIN bookings b
             ON a.tenant_id = b.tenant_id AND a.provider_id = b.provider_id AND a.booking_id < b.booking_id
           WHERE a.status IN ${ACTIVE} AND b.status IN ${ACTIVE} AND a.blocked_start < b.blocked_end AND b.blocked_start < a.blocked_end`,
        )
        .all();
      expect(overlaps).toEqual([]);
      const acknowledged = workers.flatMap((w) => w.acknowledged);
      expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
      const stored = new Set((db.prepare(`SELECT booking_id FROM bookings WHERE status IN ${ACTIVE}`).all() as { booking_id: string }[]).map((r) => r.booking_id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      db.close();
    }
    // And the restarted appliance takes bookings again.
    const after = await harness.run('bookings/create', { tenantId: 'bright-smiles', serviceId: 'exam', providerId: 'dr-patel', start: '2026-12-03T10:00', customer: { name: 'After Restart' } });
    expect(after.status).toBe('confirmed');
  });
});
