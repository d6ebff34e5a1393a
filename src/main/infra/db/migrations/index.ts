import type { Migration } from '../migrate.js';
import { migration001Tenants } from './001-tenants.js';

export const migrations: readonly Migration[] = [migration001Tenants];
