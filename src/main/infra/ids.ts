import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '../core/kernel/index.js';

export function createRandomIds(): IdGenerator {
  return { next: () => randomUUID() };
}
