import type { Migration } from '../migrate.js';

/**
 * The language a customer spoke on their last call ('en', 'es'), so texts and the next call's
 * greeting can be in it. NULL: never said (use the practice's default language).
 */
export const migration007CustomerLanguage: Migration = {
  version: 7,
  name: '007-customer-language',
  up(db) {
    db.exec("ALTER TABLE customers ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'es'))");
  },
};
