export interface SmsPayload {
  to: string;
  from: string | null;
  body: string;
}

/** Why a text was sent; the inbox and a booking's detail show it. */
export type TextPurpose =
  | 'notice'
  | 'confirmation'
  | 'moved'
  | 'cancelled'
  | 'review'
  | 'reminder'
  | 'reply'
  | 'offer'
  | 'waitlist'
  | 'missed-call'
  | 'help'
  | 'staff-reply';

export interface OutboxRecord {
  tenantId: string;
  id: string;
  kind: 'sms';
  dedupeKey: string;
  payload: SmsPayload;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  providerId: string | null;
  createdAt: number;
  sentAt: number | null;
  bookingId: string | null;
  purpose: TextPurpose;
  /** Twilio's last reported state of the message (its status callbacks). */
  deliveryStatus: string | null;
  deliveryUpdatedAt: number | null;
}

export type OutboxPatch = Partial<Pick<OutboxRecord, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'providerId' | 'sentAt' | 'deliveryStatus' | 'deliveryUpdatedAt'>>;

export interface OutboxRepository {
  /** Inserts unless a row with the same dedupe key exists; returns the row that is stored. */
  enqueue(record: OutboxRecord): OutboxRecord;
  due(now: number, limit: number): OutboxRecord[];
  update(tenantId: string, id: string, patch: OutboxPatch): void;
  get(tenantId: string, id: string): OutboxRecord | null;
  findByDedupeKey(tenantId: string, dedupeKey: string): OutboxRecord | null;
  findByProviderId(tenantId: string, providerId: string): OutboxRecord | null;
  list(tenantId: string, limit: number): OutboxRecord[];
  listForPhone(tenantId: string, phone: string, limit: number): OutboxRecord[];
  listForBooking(tenantId: string, bookingId: string): OutboxRecord[];
}

/** Sends a text through the vendor (Twilio Messages). Throws `MessagingError` on failure. */
export interface MessagingPort {
  sendSms(message: SmsPayload & { idempotencyKey: string; statusCallback?: string | null }): Promise<{ providerId: string; status?: string | null }>;
}

export class MessagingError extends Error {
  constructor(
    message: string,
    /** false: retrying cannot help (a bad number); the item fails at once. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

/** What our last question to a number was, so a short reply ("2", "yes") can be read. */
export type TextContext =
  | { kind: 'booking'; bookingId: string; at: number }
  | { kind: 'reschedule-offer'; bookingId: string; options: { start: number; providerId: string }[]; at: number }
  | { kind: 'waitlist-offer'; offerId: string; entryId: string; at: number };

export interface InboundTextRecord {
  tenantId: string;
  id: string;
  messageSid: string;
  phone: string;
  body: string;
  receivedAt: number;
  readAt: number | null;
  handledAs: string | null;
  bookingId: string | null;
}

export interface TextNumberRecord {
  optedOut: boolean;
  context: TextContext | null;
}

export interface ThreadRow {
  phone: string;
  lastAt: number;
  unread: number;
}

export interface TextRepository {
  /** False when this MessageSid was already stored (a Twilio retry). */
  insertInbound(record: InboundTextRecord): boolean;
  setHandled(tenantId: string, id: string, handledAs: string, bookingId: string | null): void;
  inboundForPhone(tenantId: string, phone: string, limit: number): InboundTextRecord[];
  markRead(tenantId: string, phone: string, at: number): void;
  unreadCount(tenantId: string): number;
  threads(tenantId: string, limit: number): ThreadRow[];
  number(tenantId: string, phone: string): TextNumberRecord;
  setOptedOut(tenantId: string, phone: string, optedOut: boolean, at: number): void;
  setContext(tenantId: string, phone: string, context: TextContext | null, at: number): void;
  /** Runs `fn` in one IMMEDIATE transaction (nothing inside may await). */
  exclusive<T>(fn: () => T): T;
}

export interface WaitlistRecord {
  tenantId: string;
  id: string;
  phone: string;
  name: string | null;
  serviceId: string;
  providerId: string | null;
  fromDate: string;
  toDate: string;
  bookingId: string | null;
  status: 'waiting' | 'offered' | 'booked' | 'removed';
  createdAt: number;
  createdBy: string;
  updatedAt: number;
}

export interface WaitlistOfferRecord {
  tenantId: string;
  id: string;
  serviceId: string;
  providerId: string;
  start: number;
  entryIds: string[];
  status: 'open' | 'taken' | 'lapsed';
  takenBy: string | null;
  bookingId: string | null;
  createdAt: number;
}

export interface WaitlistRepository {
  insert(record: WaitlistRecord): void;
  get(tenantId: string, id: string): WaitlistRecord | null;
  list(tenantId: string, statuses: readonly WaitlistRecord['status'][]): WaitlistRecord[];
  setStatus(tenantId: string, id: string, status: WaitlistRecord['status'], at: number): void;
  insertOffer(record: WaitlistOfferRecord): void;
  getOffer(tenantId: string, id: string): WaitlistOfferRecord | null;
  /** Open offers that include this entry. */
  openOffersFor(tenantId: string, entryId: string): WaitlistOfferRecord[];
  /** Marks the offer taken by `entryId` only if it is still open; false when someone was first. */
  claimOffer(tenantId: string, offerId: string, entryId: string): boolean;
  setOfferBooking(tenantId: string, offerId: string, bookingId: string): void;
  setOfferStatus(tenantId: string, offerId: string, status: WaitlistOfferRecord['status']): void;
  listOpenOffers(tenantId: string): WaitlistOfferRecord[];
}
