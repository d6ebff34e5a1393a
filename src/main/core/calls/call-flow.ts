import type { Language, TenantConfig } from '../../../shared/contract/index.js';
import { message, type ActionRouter, type Brain, type CallerInfo, type MessageId, type TurnResult, type Utterance } from '../conversation/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import type { CustomerService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';
import type { CallService } from './call-service.js';
import { KeyedLock } from './keyed-lock.js';
import type { CallRecord, CallState } from './ports.js';
import { CALLER_LIMIT, SlidingWindowLimiter, TENANT_LIMIT } from './rate-limiter.js';

/** What the telephony layer should do next; the public listener renders it as TwiML. */
export type VoiceReply =
  | { kind: 'refuse'; say: string }
  | {
      kind: 'turn';
      tenant: TenantConfig;
      callId: string;
      /** The language the caller is spoken to in (Twilio's voice and recognizer follow it). */
      language?: Language;
      say: string[];
      next: 'listen' | 'transfer' | 'hangup';
      transferTo: string | null;
      hints: string[];
      /** Who listens for the caller's next words: the receptionist (brain) or staff who took the call. */
      listener?: 'receptionist' | 'staff';
    };

/** What the call itself (not the brain) says, from the prompt catalog: the caller's language once known, else the practice's. */
function words(id: MessageId, language: Language = 'en'): string {
  return message(language, id);
}

/** The same sentences keyed as before, in English, for code and tests that name them. */
export const WORDS = {
  unknownNumber: words('call.unknownNumber'),
  busy: words('call.busy'),
  unknownCall: words('call.unknownCall'),
  fallbackStart: words('call.fallbackStart'),
  fallbackTaken: words('call.fallbackTaken'),
  fallbackSilence: words('call.fallbackSilence'),
  staffHold: words('call.staffHold'),
  handedBack: words('call.handedBack'),
  dialFailed: words('call.dialFailed'),
} as const;

function languageOf(call: CallRecord, tenant: TenantConfig): Language {
  return call.state.language ?? tenant.languages[0] ?? 'en';
}

/** Twilio waits 15 s for an answer; a brain turn that takes longer than this is abandoned for the fallback. */
const TURN_DEADLINE_MS = 8_000;

/**
 * A call from first ring to hang-up: picks the practice by the number dialled, runs each turn
 * through the brain with the same action router, keeps the record, and makes sure the caller
 * always hears a sentence — if the brain fails or stalls, a built-in message taker has the call.
 */
export class CallFlow {
  private readonly callLocks = new KeyedLock();
  private readonly callerLimiter: SlidingWindowLimiter;
  private readonly tenantLimiter: SlidingWindowLimiter;

  constructor(
    private readonly deps: {
      calls: CallService;
      tenants: TenantService;
      customers: CustomerService;
      brain: Brain;
      actions: ActionRouter;
      clock: Clock;
      logger: Logger;
      turnDeadlineMs?: number;
    },
  ) {
    this.callerLimiter = new SlidingWindowLimiter(CALLER_LIMIT, deps.clock);
    this.tenantLimiter = new SlidingWindowLimiter(TENANT_LIMIT, deps.clock);
  }

  async incoming(input: { callSid: string; from: string | null; to: string; tenantId?: string; rehearsal?: boolean }): Promise<VoiceReply> {
    const tenant = input.tenantId ? this.deps.tenants.find(input.tenantId) : this.deps.tenants.findByPhoneNumber(input.to);
    if (!tenant) {
      this.deps.logger.warn({ to: input.to, callSid: input.callSid }, 'call to a number no practice owns');
      return { kind: 'refuse', say: WORDS.unknownNumber };
    }
    const existing = this.deps.calls.findBySid(input.callSid);
    if (!existing && !input.rehearsal) {
      const callerKey = `${tenant.id}:${input.from ?? 'unknown'}`;
      if (!this.tenantLimiter.allow(tenant.id) || (input.from && !this.callerLimiter.allow(callerKey))) {
        this.deps.logger.warn({ tenantId: tenant.id, callSid: input.callSid }, 'call refused by rate limit');
        return { kind: 'refuse', say: WORDS.busy };
      }
    }
    const customer = input.from ? this.deps.customers.recognize(tenant.id, input.from) : null;
    const { call } = this.deps.calls.open({
      tenantId: tenant.id,
      callSid: input.callSid,
      from: input.from,
      to: input.to,
      customerId: customer?.id ?? null,
      callerName: customer?.name ?? null,
      brain: this.deps.brain.name,
      state: { brain: this.deps.brain.initialState(), fallback: null },
    });
    return this.turn(call.callSid, { kind: 'start' });
  }

  async gather(input: { callSid: string; speech: string; confidence: number | null; digits: string }): Promise<VoiceReply> {
    const utterance: Utterance = input.speech.trim()
      ? { kind: 'speech', text: input.speech.trim(), confidence: input.confidence ?? 0 }
      : input.digits.trim()
        ? { kind: 'dtmf', digits: input.digits.trim() }
        : { kind: 'none' };
    return this.turn(input.callSid, utterance);
  }

  /** The front desk did not pick up a transfer: the caller can still leave a message. */
  async dialEnded(input: { callSid: string; dialStatus: string }): Promise<VoiceReply> {
    return this.callLocks.run(input.callSid, async () => {
      const call = this.deps.calls.findBySid(input.callSid);
      if (!call) return { kind: 'refuse', say: WORDS.unknownCall };
      const tenant = this.deps.tenants.get(call.tenantId).config;
      if (input.dialStatus === 'completed' || input.dialStatus === 'answered') {
        this.deps.calls.setOutcome(call, 'transferred');
        return { kind: 'turn', tenant, callId: call.id, say: [], next: 'hangup', transferTo: null, hints: [] };
      }
      return this.startFallback(call, tenant, [words('call.dialFailed', languageOf(call, tenant))]);
    });
  }

  /** Serializes everything that touches one call's state (webhooks, desk actions). */
  withCall<T>(callSid: string, fn: () => Promise<T>): Promise<T> {
    return this.callLocks.run(callSid, fn);
  }

  /**
   * Twilio asks what to do while staff have the call: speak the lines they typed (after a first
   * "one moment"), then listen, recording what the caller says for the desk to read.
   */
  async staffTurn(input: { callSid: string; speech: string; confidence: number | null }): Promise<VoiceReply> {
    return this.callLocks.run(input.callSid, async () => {
      const call = this.deps.calls.findBySid(input.callSid);
      if (!call) return { kind: 'refuse', say: WORDS.unknownCall };
      const tenant = this.deps.tenants.get(call.tenantId).config;
      if (call.mode !== 'staff') return this.resumeReply(call, tenant);
      const queue = call.state.staffQueue ?? [];
      const hold = words('call.staffHold', languageOf(call, tenant));
      const say = call.state.staffGreeted ? queue : [hold, ...queue];
      const caller = input.speech.trim() ? { text: input.speech.trim(), confidence: input.confidence } : null;
      // Staff lines were put in the transcript when typed; only the hold phrase is new here.
      this.deps.calls.recordTurn(call, {
        caller,
        replies: call.state.staffGreeted ? [] : [hold],
        state: { ...call.state, staffQueue: [], staffGreeted: true },
      });
      return { kind: 'turn', tenant, callId: call.id, language: languageOf(call, tenant), say, next: 'listen', transferTo: null, hints: [], listener: 'staff' };
    });
  }

  /** Twilio asks for the receptionist again after staff handed the call back. */
  async resume(callSid: string): Promise<VoiceReply> {
    return this.callLocks.run(callSid, async () => {
      const call = this.deps.calls.findBySid(callSid);
      if (!call) return { kind: 'refuse', say: WORDS.unknownCall };
      const tenant = this.deps.tenants.get(call.tenantId).config;
      if (call.mode === 'staff') return this.staffHoldReply(call, tenant);
      return this.resumeReply(call, tenant);
    });
  }

  private resumeReply(call: CallRecord, tenant: TenantConfig): VoiceReply {
    const language = languageOf(call, tenant);
    const say = [words('call.handedBack', language), ...(call.state.lastSay?.length ? call.state.lastSay.slice(-1) : [words('call.howCanIHelp', language)])];
    this.deps.calls.recordTurn(call, { replies: say, state: call.state });
    return { kind: 'turn', tenant, callId: call.id, language, say, next: 'listen', transferTo: null, hints: [] };
  }

  private staffHoldReply(call: CallRecord, tenant: TenantConfig): VoiceReply {
    return { kind: 'turn', tenant, callId: call.id, language: languageOf(call, tenant), say: [], next: 'listen', transferTo: null, hints: [], listener: 'staff' };
  }

  /**
   * Twilio reports the call's progress. When it ended while the caller was in the middle of a
   * message, the message is saved with what was said and the call counts as a message.
   */
  status(input: { callSid: string; status: string; sequence: number | null }): void {
    const ended = ['completed', 'busy', 'failed', 'no-answer', 'canceled'].includes(input.status);
    const call = ended ? this.deps.calls.findBySid(input.callSid) : null;
    const unsaved = call?.state.unsavedMessage;
    if (call && unsaved) {
      const language = languageOf(call, this.deps.tenants.get(call.tenantId).config);
      this.deps.calls.takeMessage({ tenantId: call.tenantId, callId: call.id, callerName: unsaved.callerName, callbackNumber: unsaved.callbackNumber, reason: `${unsaved.reason} ${words('message.hungUp', language)}`, urgent: unsaved.urgent });
      this.deps.calls.recordTurn(call, { replies: [], state: { ...call.state, unsavedMessage: null }, outcome: 'message' });
      this.deps.logger.info({ tenantId: call.tenantId, callId: call.id }, 'caller hung up mid-message; saved what they said');
    }
    this.deps.calls.applyStatus(input.callSid, input.status, input.sequence);
  }

  private async turn(callSid: string, utterance: Utterance): Promise<VoiceReply> {
    return this.callLocks.run(callSid, async () => {
      const call = this.deps.calls.findBySid(callSid);
      if (!call) return { kind: 'refuse', say: WORDS.unknownCall };
      const tenant = this.deps.tenants.get(call.tenantId).config;
      if (call.state.fallback === 'message') return this.fallbackTurn(call, tenant, utterance);
      if (call.mode === 'staff') {
        // A gather the receptionist started before staff took over: keep the words, let staff answer.
        const caller = describeUtterance(utterance);
        if (caller) this.deps.calls.recordTurn(call, { caller, replies: [], state: call.state });
        return this.staffHoldReply(call, tenant);
      }

      const callerText = describeUtterance(utterance);
      let result: TurnResult<unknown>;
      try {
        result = await this.withDeadline(
          this.deps.brain.turn({
            state: call.state.brain,
            utterance,
            tenant,
            caller: this.callerInfo(call),
            callId: call.id,
            turn: call.turn,
            now: this.deps.clock.now(),
            actions: this.deps.actions,
          }),
        );
      } catch (error) {
        this.deps.logger.error({ tenantId: tenant.id, callId: call.id, err: error }, 'brain turn failed; the message taker takes the call');
        return this.startFallback(call, tenant, [], callerText);
      }
      const language = result.language ?? languageOf(call, tenant);
      const say = result.say.length > 0 || result.next === 'hangup' ? result.say : [words('call.sayAgain', language)];
      const outcome = result.next === 'transfer' && result.transferTo ? (result.outcome ?? 'transferred') : result.outcome;
      const state: CallState = { ...call.state, brain: result.state, fallback: null, lastSay: say, language, unsavedMessage: result.unsavedMessage ?? null };
      this.deps.calls.recordTurn(call, { caller: callerText, replies: say, state, outcome, summary: result.summary, callerName: result.callerName });
      if (utterance.kind !== 'start' && (result.outcome !== undefined || language !== call.state.language)) this.rememberLanguage(call, language);
      return {
        kind: 'turn',
        tenant,
        callId: call.id,
        language,
        say,
        next: result.next === 'transfer' && !result.transferTo ? 'hangup' : result.next,
        transferTo: result.transferTo ?? null,
        hints: result.hints ?? [],
      };
    });
  }

  /**
   * The caller's language goes on their customer record (texts to them use it): the one caller ID
   * recognized, or the one a booking or message on this call just created for their number.
   */
  private rememberLanguage(call: CallRecord, language: Language): void {
    const customerId = call.customerId ?? (call.from ? (this.deps.customers.recognize(call.tenantId, call.from)?.id ?? null) : null);
    if (customerId) this.deps.customers.setLanguage(call.tenantId, customerId, language);
  }

  private startFallback(call: CallRecord, tenant: TenantConfig, before: string[], callerText: { text: string; confidence: number | null } | null = null): VoiceReply {
    const language = languageOf(call, tenant);
    const say = [...before, words('call.fallbackStart', language)];
    const state: CallState = { brain: call.state.brain, fallback: 'message', language };
    this.deps.calls.recordTurn(call, { caller: callerText, replies: say, state });
    return { kind: 'turn', tenant, callId: call.id, language, say, next: 'listen', transferTo: null, hints: [] };
  }

  private fallbackTurn(call: CallRecord, tenant: TenantConfig, utterance: Utterance): VoiceReply {
    const callerText = describeUtterance(utterance);
    const language = languageOf(call, tenant);
    if (utterance.kind !== 'speech') {
      const say = [words('call.fallbackSilence', language)];
      this.deps.calls.recordTurn(call, { caller: callerText, replies: say, state: call.state, outcome: call.outcome ?? 'abandoned' });
      return { kind: 'turn', tenant, callId: call.id, language, say, next: 'hangup', transferTo: null, hints: [] };
    }
    this.deps.calls.takeMessage({ tenantId: tenant.id, callId: call.id, callerName: call.callerName, callbackNumber: call.from, reason: utterance.text, urgent: false });
    const say = [words('call.fallbackTaken', language)];
    this.deps.calls.recordTurn(call, { caller: callerText, replies: say, state: call.state, outcome: 'message' });
    return { kind: 'turn', tenant, callId: call.id, language, say, next: 'hangup', transferTo: null, hints: [] };
  }

  private callerInfo(call: CallRecord): CallerInfo {
    return { phone: call.from, customer: call.customerId ? { id: call.customerId, name: call.callerName } : null };
  }

  private withDeadline<T>(promise: Promise<T>): Promise<T> {
    const ms = this.deps.turnDeadlineMs ?? TURN_DEADLINE_MS;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`brain turn took longer than ${ms} ms`)), ms);
      timer.unref();
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
  }
}

function describeUtterance(utterance: Utterance): { text: string; confidence: number | null } | null {
  if (utterance.kind === 'speech') return { text: utterance.text, confidence: utterance.confidence };
  if (utterance.kind === 'dtmf') return { text: `(pressed ${utterance.digits})`, confidence: null };
  return null;
}
