export * from './commands.js';
export * from './dto.js';
export * from './errors.js';
export * from './events.js';
export * from './tenant.js';
export * from './wire.js';
export * from './bridge.js';
export * from './scheduling.js';
