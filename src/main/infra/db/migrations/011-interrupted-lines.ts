import type { Migration } from '../migrate.js';

/** Stream mode keeps what the caller heard: a receptionist line they cut off is stored as heard and marked. */
export const migration011InterruptedLines: Migration = {
  version: 11,
  name: '011-interrupted-lines',
  up(db) {
    db.exec('ALTER TABLE transcript_turns ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0 CHECK (interrupted IN (0, 1))');
  },
};
