import type { BookingStatus, CallSummaryDto, MessageDto, TenantConfig, TranscriptTurnDto } from '../../../shared/contract/index.js';
import { formatInstant } from '../../../shared/lib/time.js';
import { REHEARSAL_SID_PREFIX } from './rehearsal-sid.js';
import type { CallRecord, MessageRecord, TranscriptTurnRecord } from './ports.js';

export function toCallSummary(call: CallRecord, tenant: TenantConfig, bookingStatus: BookingStatus | null = null): CallSummaryDto {
  return {
    id: call.id,
    tenantId: call.tenantId,
    tenantName: tenant.name,
    callSid: call.callSid,
    from: call.from,
    callerName: call.callerName,
    customerId: call.customerId,
    startedAt: formatInstant(call.startedAt, tenant.timezone),
    endedAt: call.endedAt === null ? null : formatInstant(call.endedAt, tenant.timezone),
    active: call.endedAt === null,
    twilioStatus: call.twilioStatus,
    outcome: call.outcome,
    summary: call.summary,
    mode: call.mode,
    rehearsal: call.callSid.startsWith(REHEARSAL_SID_PREFIX),
    emergency: call.summary === 'emergency',
    bookingStatus,
  };
}

export function toTurnDto(turn: TranscriptTurnRecord, tenant: TenantConfig): TranscriptTurnDto {
  return {
    id: turn.id,
    at: formatInstant(turn.at, tenant.timezone),
    speaker: turn.speaker,
    text: turn.text,
    confidence: turn.confidence,
    lowConfidence: turn.confidence !== null && turn.confidence < tenant.review.minConfidence,
    ...(turn.interrupted ? { interrupted: true } : {}),
  };
}

export function toMessageDto(message: MessageRecord, tenant: TenantConfig): MessageDto {
  return {
    id: message.id,
    tenantId: message.tenantId,
    tenantName: tenant.name,
    callId: message.callId,
    callerName: message.callerName,
    callbackNumber: message.callbackNumber,
    reason: message.reason,
    urgent: message.urgent,
    status: message.status,
    createdAt: formatInstant(message.createdAt, tenant.timezone),
    handledAt: message.handledAt === null ? null : formatInstant(message.handledAt, tenant.timezone),
    handledBy: message.handledBy,
  };
}
