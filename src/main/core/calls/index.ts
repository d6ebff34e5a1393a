export { CallFlow, WORDS, type VoiceReply } from './call-flow.js';
export { CallService } from './call-service.js';
export type { ActionLogEntry, ActionLogRepository, CallPatch, CallRecord, CallRepository, CallState, LlmUsageRepository, LlmUsageRow, MessageRecord, MessageRepository, Speaker, TranscriptTurnRecord } from './ports.js';
export type { CallControl } from './call-control.js';
export { DeskControl, REHEARSAL_SID_PREFIX } from './desk-control.js';
export { Rehearsals } from './rehearsal.js';
