export type { Clock, EventPublisher, IdGenerator, Logger, SecretVault } from './ports.js';
