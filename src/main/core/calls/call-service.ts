import { ContractError, type BookingStatus, type LatencySummaryDto, type CallDetailDto, type CallSummaryDto, type MessageDto, type TenantConfig } from '../../../shared/contract/index.js';
import { formatInstant } from '../../../shared/lib/time.js';
import type { CallOutcome } from '../conversation/index.js';
import type { Clock, EventPublisher, IdGenerator } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import { toCallSummary, toMessageDto, toTurnDto } from './call-dto.js';
import type { TurnLatency } from './call-session.js';
import { dayOf, summarizeLatency, toLatencyDto, toLatencyRecord } from './latency.js';
import { usageByDay } from './llm-usage.js';
import type { ActionLogEntry, ActionLogRepository, CallPatch, CallRecord, CallRepository, CallState, LatencyRepository, LlmUsageRepository, MessageRepository, Speaker, StreamStatusRecord, StreamStatusRepository, TranscriptLine, TranscriptTurnRecord } from './ports.js';
import { describeActionArgs } from './describe-action.js';
import { REHEARSAL_SID_PREFIX } from './rehearsal-sid.js';

/** Twilio call statuses after which the call is over. */
const TERMINAL_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/**
 * Calls on record: the call row, its transcript, what it was about and how it ended, and the
 * live events the console shows. Writes are small synchronous transactions; events go out after
 * the commit so a console never sees something the database does not hold.
 */
export class CallService {
  constructor(
    private readonly deps: {
      calls: CallRepository;
      messages: MessageRepository;
      actionLog: ActionLogRepository;
      /** Tokens per LLM request; absent where no LLM brain runs. */
      llmUsage?: LlmUsageRepository;
      tenants: TenantService;
      events: EventPublisher;
      clock: Clock;
      ids: IdGenerator;
      /** Stream-mode turn latency; without it nothing is measured. */
      latency?: LatencyRepository;
      /** Twilio's media-stream status callbacks. */
      streamStatus?: StreamStatusRepository;
      /** The current state of the booking a call made (scheduling owns bookings). */
      bookingStatusOf?: (tenantId: string, callId: string) => BookingStatus | null;
    },
  ) {}

  /**
   * Twilio reported on a call's media stream. Kept with the call (an unknown call is refused with
   * false: nothing to attach it to). Text from the webhook is cut to a sane length.
   */
  recordStreamStatus(callSid: string, status: { event: string; streamSid: string | null; error: string | null }): boolean {
    const call = this.deps.calls.findBySid(callSid);
    if (!call || !this.deps.streamStatus) return false;
    const clip = (text: string | null) => (text === null ? null : text.slice(0, 500));
    this.deps.streamStatus.append({ tenantId: call.tenantId, callId: call.id, at: this.deps.clock.now(), event: clip(status.event) ?? '', streamSid: clip(status.streamSid), error: clip(status.error) });
    return true;
  }

  /** Twilio's reports on the call's media stream, oldest first. */
  streamStatuses(tenantId: string, callId: string): StreamStatusRecord[] {
    return this.deps.streamStatus?.listForCall(tenantId, callId) ?? [];
  }

  /** A stream-mode turn was answered: keep how long each step took. */
  recordLatency(callSid: string, latency: TurnLatency): void {
    const call = this.deps.calls.findBySid(callSid);
    if (!call || !this.deps.latency) return;
    this.deps.latency.insert(toLatencyRecord(call, latency, this.deps.clock.now()));
  }

  /** Today's stream-mode latency for a practice (its own day): p50 and p95. */
  latencyToday(tenantId: string): LatencySummaryDto {
    const tenant = this.tenant(tenantId);
    const { day, from, to } = dayOf(this.deps.clock.now(), tenant);
    return summarizeLatency(tenant, day, this.deps.latency?.listBetween(tenantId, from, to) ?? []);
  }

  private present(call: CallRecord, tenant: TenantConfig): CallSummaryDto {
    return toCallSummary(call, tenant, this.deps.bookingStatusOf?.(call.tenantId, call.id) ?? null);
  }

  /** The call's actions as recorded, results included: for replay and tools, never for staff screens. */
  recordedActions(tenantId: string, callId: string): ActionLogEntry[] {
    return this.deps.actionLog.list(tenantId, callId);
  }

  /** Whether this call is a rehearsal typed in the console (its bookings are tests). */
  isRehearsal(tenantId: string, callId: string): boolean {
    return this.deps.calls.get(tenantId, callId)?.callSid.startsWith(REHEARSAL_SID_PREFIX) ?? false;
  }

  findBySid(callSid: string): CallRecord | null {
    return this.deps.calls.findBySid(callSid);
  }

  get(tenantId: string, callId: string): CallRecord {
    this.tenant(tenantId);
    const call = this.deps.calls.get(tenantId, callId);
    if (!call) throw new ContractError('not_found', 'There is no such call.');
    return call;
  }

  summary(call: CallRecord): CallSummaryDto {
    return this.present(call, this.tenant(call.tenantId));
  }

  /**
   * The conversation from the caller's first words, for a review item: what they asked for and
   * how the receptionist read it back is what staff need to judge the booking.
   */
  excerpt(tenantId: string, callId: string, turns: number) {
    const tenant = this.tenant(tenantId);
    const transcript = this.deps.calls.transcript(tenantId, callId);
    const firstCaller = transcript.findIndex((t) => t.speaker === 'caller');
    return transcript.slice(Math.max(0, firstCaller), Math.max(0, firstCaller) + turns).map((t) => toTurnDto(t, tenant));
  }

  /** Opens the call record; a second webhook for the same CallSid gets the same record. */
  open(input: { tenantId: string; callSid: string; from: string | null; to: string; customerId: string | null; callerName: string | null; brain: string; state: CallState }): { call: CallRecord; created: boolean } {
    const created = this.deps.calls.exclusive(() => {
      const existing = this.deps.calls.findBySid(input.callSid);
      if (existing) return null;
      const record: CallRecord = {
        ...input,
        id: this.deps.ids.next(),
        startedAt: this.deps.clock.now(),
        endedAt: null,
        twilioStatus: 'in-progress',
        statusSequence: -1,
        outcome: null,
        summary: null,
        turn: 0,
        mode: 'receptionist',
      };
      this.deps.calls.insert(record);
      return record;
    });
    const call = created ?? this.deps.calls.findBySid(input.callSid)!;
    if (created) this.publishSummary('call/started', call);
    return { call, created: created !== null };
  }

  /**
   * Records one turn atomically: what the caller said, what we answered, the brain's new state,
   * and any outcome. Then tells the console.
   */
  recordTurn(
    call: CallRecord,
    turn: {
      caller?: { text: string; confidence: number | null } | null;
      replies: string[];
      speaker?: Speaker;
      state: CallState;
      outcome?: CallOutcome | undefined;
      summary?: string | undefined;
      callerName?: string | null | undefined;
      mode?: CallRecord['mode'] | undefined;
    },
  ): CallRecord {
    const at = this.deps.clock.now();
    const appended = this.deps.calls.exclusive(() => {
      const turns = [];
      if (turn.caller && turn.caller.text.trim()) {
        turns.push(this.deps.calls.appendTurn(call.tenantId, call.id, { at, speaker: 'caller', text: turn.caller.text, confidence: turn.caller.confidence, interrupted: false }));
      }
      for (const text of turn.replies) {
        turns.push(this.deps.calls.appendTurn(call.tenantId, call.id, { at, speaker: turn.speaker ?? 'receptionist', text, confidence: null, interrupted: false }));
      }
      const patch: CallPatch = { state: turn.state, turn: call.turn + 1 };
      // A question answered after a booking (a move, a message...) does not hide what the call did.
      const before = this.deps.calls.get(call.tenantId, call.id)?.outcome ?? call.outcome;
      if (turn.outcome && !(turn.outcome === 'answered' && before !== null && before !== 'answered')) patch.outcome = turn.outcome;
      if (turn.summary) patch.summary = turn.summary;
      // A name the caller says wins over the one on file for their number: they may call for someone else.
      if (turn.callerName && turn.callerName !== call.callerName) patch.callerName = turn.callerName;
      if (turn.mode) patch.mode = turn.mode;
      this.deps.calls.update(call.tenantId, call.id, patch);
      return turns;
    });
    const tenant = this.tenant(call.tenantId);
    for (const t of appended) {
      this.deps.events.publish({ name: 'call/transcript-appended', payload: { tenantId: call.tenantId, callId: call.id, turn: toTurnDto(t, tenant) } });
    }
    const updated = this.deps.calls.get(call.tenantId, call.id)!;
    if (updated.outcome !== call.outcome || updated.summary !== call.summary || updated.callerName !== call.callerName || updated.mode !== call.mode) {
      this.publishSummary('call/updated', updated);
    }
    return updated;
  }

  /**
   * Adds lines to the transcript as they happen: the caller's words when their turn ends, the
   * receptionist's as far as the caller heard them.
   */
  appendLines(call: CallRecord, lines: TranscriptLine[]): void {
    const at = this.deps.clock.now();
    const appended = this.deps.calls.exclusive(() =>
      lines.filter((l) => l.text.trim()).map((l) => this.deps.calls.appendTurn(call.tenantId, call.id, { at, speaker: l.speaker, text: l.text, confidence: l.confidence, interrupted: l.interrupted ?? false })),
    );
    const tenant = this.tenant(call.tenantId);
    for (const t of appended) {
      this.deps.events.publish({ name: 'call/transcript-appended', payload: { tenantId: call.tenantId, callId: call.id, turn: toTurnDto(t, tenant) } });
    }
  }

  transcriptOf(call: CallRecord): TranscriptTurnRecord[] {
    return this.deps.calls.transcript(call.tenantId, call.id);
  }

  setOutcome(call: CallRecord, outcome: CallOutcome): void {
    this.deps.calls.update(call.tenantId, call.id, { outcome });
    this.publishSummary('call/updated', this.deps.calls.get(call.tenantId, call.id)!);
  }

  /**
   * A Twilio status callback. They can arrive out of order; `SequenceNumber` says which is newer,
   * so an old "ringing" never reopens a completed call.
   */
  applyStatus(callSid: string, status: string, sequence: number | null): CallRecord | null {
    const result = this.deps.calls.exclusive(() => {
      const call = this.deps.calls.findBySid(callSid);
      if (!call) return null;
      const seq = sequence ?? call.statusSequence + 1;
      if (seq <= call.statusSequence) return { call, ended: false };
      const patch: CallPatch = { twilioStatus: status, statusSequence: seq };
      const ends = TERMINAL_STATUSES.has(status) && call.endedAt === null;
      if (ends) {
        patch.endedAt = this.deps.clock.now();
        if (!call.outcome) patch.outcome = 'abandoned';
      }
      this.deps.calls.update(call.tenantId, call.id, patch);
      return { call: this.deps.calls.get(call.tenantId, call.id)!, ended: ends };
    });
    if (result?.ended) this.publishSummary('call/ended', result.call);
    return result?.call ?? null;
  }

  takeMessage(input: { tenantId: string; callId: string | null; callerName: string | null; callbackNumber: string | null; reason: string; urgent: boolean }): string {
    const id = this.deps.ids.next();
    const record = { ...input, id, status: 'new' as const, createdAt: this.deps.clock.now(), handledAt: null, handledBy: null };
    this.deps.messages.insert(record);
    this.deps.events.publish({ name: 'messages/taken', payload: toMessageDto(record, this.tenant(input.tenantId)) });
    return id;
  }

  markMessageHandled(tenantId: string, messageId: string, actor: string): MessageDto {
    const tenant = this.tenant(tenantId);
    const message = this.deps.messages.get(tenantId, messageId);
    if (!message) throw new ContractError('not_found', 'There is no such message.');
    if (message.status !== 'handled') this.deps.messages.markHandled(tenantId, messageId, this.deps.clock.now(), actor);
    return toMessageDto(this.deps.messages.get(tenantId, messageId)!, tenant);
  }

  listMessages(tenantId: string, options: { status?: 'new' | 'handled' | undefined; limit: number }): MessageDto[] {
    const tenant = this.tenant(tenantId);
    return this.deps.messages.list(tenantId, { ...(options.status ? { status: options.status } : {}), limit: options.limit }).map((m) => toMessageDto(m, tenant));
  }

  listActive(): CallSummaryDto[] {
    return this.deps.calls
      .listActive()
      .flatMap((call) => {
        const tenant = this.deps.tenants.find(call.tenantId);
        return tenant ? [this.present(call, tenant.config)] : [];
      });
  }

  activeCount(): number {
    return this.deps.calls.listActive().length;
  }

  listRecent(tenantId: string, options: { limit: number; search?: string | undefined }): CallSummaryDto[] {
    const tenant = this.tenant(tenantId);
    return this.deps.calls.listRecent(tenantId, { limit: options.limit, ...(options.search ? { search: options.search } : {}) }).map((c) => this.present(c, tenant));
  }

  detail(tenantId: string, callId: string): CallDetailDto {
    const tenant = this.tenant(tenantId);
    const call = this.deps.calls.get(tenantId, callId);
    if (!call) throw new ContractError('not_found', 'There is no such call.');
    return {
      ...this.present(call, tenant),
      transcript: this.deps.calls.transcript(tenantId, callId).map((t) => toTurnDto(t, tenant)),
      actions: this.deps.actionLog.list(tenantId, callId).map((a) => ({ at: formatInstant(a.at, tenant.timezone), action: a.action, ok: a.ok, args: describeActionArgs(a.args, tenant), result: refusalOf(a), durationMs: a.durationMs })),
      messages: this.deps.messages.list(tenantId, { callId, limit: 50 }).map((m) => toMessageDto(m, tenant)),
      latency: (this.deps.latency?.listForCall(tenantId, callId) ?? []).map((r) => toLatencyDto(r, tenant)),
      llmUsage: this.deps.llmUsage?.forCall(tenantId, callId) ?? [],
    };
  }

  /** What was said on the call so far, in order: the consent guard reads read-backs and yeses from it. */
  heard(tenantId: string, callId: string): { speaker: Speaker; text: string }[] {
    return this.deps.calls.transcript(tenantId, callId).map((t) => ({ speaker: t.speaker, text: t.text }));
  }

  /** LLM tokens per practice-local day and model over the last `days` days. */
  llmUsageByDay(tenantId: string, days: number) {
    const tenant = this.tenant(tenantId);
    const from = this.deps.clock.now() - days * 24 * 60 * 60 * 1000;
    return usageByDay(this.deps.llmUsage?.since(tenantId, from) ?? [], tenant);
  }

  private publishSummary(name: 'call/started' | 'call/updated' | 'call/ended', call: CallRecord): void {
    this.deps.events.publish({ name, payload: this.present(call, this.tenant(call.tenantId)) });
  }

  private tenant(tenantId: string): TenantConfig {
    return this.deps.tenants.get(tenantId).config;
  }
}

/** A failed action keeps only its error code (for tools and tests); results are not shown as data to staff. */
function refusalOf(entry: { ok: boolean; result: unknown }): { code: string } | null {
  if (entry.ok || typeof entry.result !== 'object' || entry.result === null) return null;
  const code = (entry.result as { code?: unknown }).code;
  return typeof code === 'string' ? { code } : null;
}
