export { message, messageIds, type MessageId, type MessageParams } from './catalog.js';
export * from './spoken-time.js';
