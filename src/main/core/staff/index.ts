export * from './ports.js';
export * from './staff-service.js';
