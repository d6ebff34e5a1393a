export { MAX_ATTEMPTS, OutboxService, retryDelay } from './outbox-service.js';
export { MessagingError, type MessagingPort, type OutboxRecord, type OutboxRepository, type SmsPayload } from './ports.js';
