export type { Clock, EventPublisher, IdGenerator, Logger, SecretVault } from './ports.js';
export { cacheZoneOffsets } from './zone-offsets.js';
