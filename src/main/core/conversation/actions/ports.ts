/** Where taken messages go (the calls domain stores them for the desk). */
export interface MessageSink {
  take(input: { tenantId: string; callId: string | null; callerName: string | null; callbackNumber: string | null; reason: string; urgent: boolean }): string;
}

/** The audit trail of every action a brain ran. */
export interface ActionAudit {
  record(entry: { tenantId: string; callId: string | null; at: number; action: string; args: unknown; ok: boolean; result: unknown; durationMs: number }): void;
}

export interface HeardLine {
  speaker: 'caller' | 'receptionist' | 'staff';
  text: string;
}

/** What was said on a call so far, in order (the calls domain keeps the transcript). */
export interface CallConversation {
  heard(tenantId: string, callId: string): HeardLine[];
}
