export type { Clock, EventPublisher, IdGenerator, Logger } from './ports.js';
