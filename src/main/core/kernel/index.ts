export type { Clock, IdGenerator, Logger } from './ports.js';
