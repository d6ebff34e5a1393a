import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Db } from './database.js';

/** How often the background connection folds the write-ahead log back into the database. */
export const CHECKPOINT_INTERVAL_MS = 2_000;
/** SQLite's own default, restored if the background connection is lost. */
const AUTOCHECKPOINT_PAGES = 1000;

// Plain CommonJS run by the worker (eval): the module path comes from the main thread, so the
// worker loads the very better-sqlite3 the app loaded, wherever it is installed.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result && result.busy) parentPort.postMessage({ kind: 'busy' });
  } catch (error) {
    parentPort.postMessage({ kind: 'error', message: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** One last checkpoint, then the background connection closes. */
  stop(): Promise<void>;
}

/**
 * Moves SQLite's checkpoints off the call path. By default the connection that commits a write
 * also copies the write-ahead log into the database every thousand pages, and syncs it to disk:
 * a pause of several milliseconds (far more on a busy office disk) in the middle of whichever
 * caller's turn happened to write then. Here the app's connection never checkpoints; a second
 * connection on a worker thread does, every couple of seconds, in PASSIVE mode (it never blocks a
 * writer). If that worker dies, the app's connection checkpoints itself again, as before.
 */
export function startWalCheckpointer(db: Db, path: string, logger: Logger, intervalMs = CHECKPOINT_INTERVAL_MS): WalCheckpointer {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, modulePath, intervalMs } });
  // The appliance's lifetime is not the worker's business: a CLI or test ends when its work does.
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fallBack = (why: string, err?: unknown) => {
    if (stopping || !db.open) return;
    db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    logger.warn({ err }, `background checkpoints stopped (${why}); the database checkpoints as it writes`);
  };
  worker.on('message', (message: { kind: 'busy' } | { kind: 'error'; message: string }) => {
    if (message.kind === 'error') logger.warn({ reason: message.message }, 'background checkpoint failed');
  });
  worker.on('error', (err) => fallBack('error', err));
  worker.on('exit', (code) => {
    if (code !== 0) fallBack(`exit ${code}`);
  });
  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      // A worker that already ended (it could not open the database) has nothing left to do.
      worker.postMessage('stop');
      await exited;
    },
  };
}
