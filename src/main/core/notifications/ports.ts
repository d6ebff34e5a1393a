export interface SmsPayload {
  to: string;
  from: string | null;
  body: string;
}

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
}

export interface OutboxRepository {
  /** Inserts unless a row with the same dedupe key exists; returns the row that is stored. */
  enqueue(record: OutboxRecord): OutboxRecord;
  due(now: number, limit: number): OutboxRecord[];
  update(tenantId: string, id: string, patch: Partial<Pick<OutboxRecord, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'providerId' | 'sentAt'>>): void;
  get(tenantId: string, id: string): OutboxRecord | null;
  list(tenantId: string, limit: number): OutboxRecord[];
}

/** Sends a text through the vendor (Twilio Messages). Throws `MessagingError` on failure. */
export interface MessagingPort {
  sendSms(message: SmsPayload & { idempotencyKey: string }): Promise<{ providerId: string }>;
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
