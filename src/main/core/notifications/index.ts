export { BookingTexts, type FreedSlotListener, type RehearsalCheck } from './booking-texts.js';
export { MissedCallTexts, type EndedCall } from './missed-calls.js';
export { MAX_ATTEMPTS, OutboxService, retryDelay, type EnqueueOptions, type OptOutCheck } from './outbox-service.js';
export {
  MessagingError,
  type InboundTextRecord,
  type MessagingPort,
  type OutboxPatch,
  type OutboxRecord,
  type OutboxRepository,
  type SmsPayload,
  type TextContext,
  type TextPurpose,
  type TextRepository,
  type ThreadRow,
  type WaitlistOfferRecord,
  type WaitlistRecord,
  type WaitlistRepository,
} from './ports.js';
export { inQuietHours, quietHoursEnd } from './quiet-hours.js';
export { Reminders } from './reminders.js';
export { readReply, textKeyword, type ReplyReading } from './reply-reading.js';
export { TextInbox } from './text-inbox.js';
export { TextReplies, type InboundOutcome, type InboundText } from './text-replies.js';
export { composeText, textLanguageFor } from './text-words.js';
export { OFFER_LAPSES_AFTER_MS, Waitlist, type WaitlistRequest } from './waitlist.js';
