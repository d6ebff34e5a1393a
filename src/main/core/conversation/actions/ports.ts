/** Where taken messages go (the calls domain stores them for the desk). */
export interface MessageSink {
  take(input: { tenantId: string; callId: string | null; callerName: string | null; callbackNumber: string | null; reason: string; urgent: boolean }): string;
}

/** The audit trail of every action a brain ran. */
export interface ActionAudit {
  record(entry: { tenantId: string; callId: string | null; at: number; action: string; args: unknown; ok: boolean; result: unknown; durationMs: number }): void;
}
