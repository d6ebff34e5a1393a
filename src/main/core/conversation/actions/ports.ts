import type { Language } from '../../../../shared/contract/index.js';

/** Where taken messages go (the calls domain stores them for the desk). */
export interface MessageSink {
  take(input: { tenantId: string; callId: string | null; callerName: string | null; callbackNumber: string | null; reason: string; urgent: boolean }): string;
}

/** The audit trail of every action a brain ran. */
export interface ActionAudit {
  record(entry: { tenantId: string; callId: string | null; at: number; action: string; args: unknown; ok: boolean; result: unknown; durationMs: number }): void;
}

/** The waitlist (notifications domain): a freed matching time is offered to the caller by text. */
export interface WaitlistSink {
  join(input: {
    tenantId: string;
    callId: string;
    phone: string;
    name: string | null;
    serviceId: string;
    providerId: string | null;
    fromDate: string;
    toDate: string;
    actor: string;
    /** The caller's language, for the text that confirms it. */
    language: Language | null;
  }): string;
}

/** One line of the call's transcript as the consent guard reads it. */
export interface SpokenLine {
  speaker: 'caller' | 'receptionist' | 'staff';
  text: string;
}

/** What was said on a call so far, in order (the calls domain keeps the transcript). */
export interface CallConversation {
  heard(tenantId: string, callId: string): SpokenLine[];
}
