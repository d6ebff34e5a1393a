import type { Language, TenantConfig } from '../../../shared/contract/index.js';
import { message, type MessageId, type Utterance } from '../conversation/index.js';
import type { CustomerService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';
import { callLanguage as languageOf, runBrainTurn, speakAndRecord, type TurnDeps, type TurnOptions } from './brain-turn.js';
import { KeyedLock } from './keyed-lock.js';
import type { CallRecord, CallState } from './ports.js';
import { CALLER_LIMIT, SlidingWindowLimiter, TENANT_LIMIT } from './rate-limiter.js';
import type { TurnEnd, VoiceOutput } from './voice-output.js';

/** What the telephony layer should do next, as gather mode and rehearsals collect it. */
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

/** What a brain turn needs, plus the practices and customers a call is opened against. */
export interface CallFlowDeps extends TurnDeps {
  tenants: TenantService;
  customers: CustomerService;
}

export type IncomingCall = { callSid: string; from: string | null; to: string; tenantId?: string; rehearsal?: boolean };

/**
 * A call from first ring to hang-up, whatever carries the voice: picks the practice by the number
 * dialled, runs each turn through the brain with the same action router, keeps the record, and
 * makes sure the caller always hears a sentence — if the brain fails or stalls, a built-in message
 * taker has the call. What is said goes through a `VoiceOutput`; gather mode collects it into
 * TwiML, stream mode speaks it on the media socket.
 */
export class CallFlow {
  private readonly callLocks = new KeyedLock();
  private readonly callerLimiter: SlidingWindowLimiter;
  private readonly tenantLimiter: SlidingWindowLimiter;

  constructor(private readonly deps: CallFlowDeps) {
    this.callerLimiter = new SlidingWindowLimiter(CALLER_LIMIT, deps.clock);
    this.tenantLimiter = new SlidingWindowLimiter(TENANT_LIMIT, deps.clock);
  }

  /** Opens the call record (or finds it on a retry), or says why the call is refused. */
  open(input: IncomingCall): { refused: string } | { call: CallRecord; tenant: TenantConfig } {
    const tenant = input.tenantId ? this.deps.tenants.find(input.tenantId) : this.deps.tenants.findByPhoneNumber(input.to);
    if (!tenant) {
      this.deps.logger.warn({ to: input.to, callSid: input.callSid }, 'call to a number no practice owns');
      return { refused: WORDS.unknownNumber };
    }
    const existing = this.deps.calls.findBySid(input.callSid);
    if (!existing && !input.rehearsal) {
      const callerKey = `${tenant.id}:${input.from ?? 'unknown'}`;
      if (!this.tenantLimiter.allow(tenant.id) || (input.from && !this.callerLimiter.allow(callerKey))) {
        this.deps.logger.warn({ tenantId: tenant.id, callSid: input.callSid }, 'call refused by rate limit');
        return { refused: WORDS.busy };
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
    return { call, tenant: tenant.config };
  }

  find(callSid: string): CallRecord | null {
    return this.deps.calls.findBySid(callSid);
  }

  /** Twilio's status callback for the call's media stream: kept with the call; false for an unknown call. */
  streamStatus(callSid: string, status: { event: string; streamSid: string | null; error: string | null }): boolean {
    return this.deps.calls.recordStreamStatus(callSid, status);
  }

  /** A call rings: open it and greet the caller. */
  async incoming(input: IncomingCall, output: VoiceOutput): Promise<void> {
    const opened = this.open(input);
    if ('refused' in opened) return output.refuse(opened.refused);
    await this.respond(input.callSid, { kind: 'start' }, output);
  }

  /** What the caller did (words, keys, silence, or the call starting) gets the receptionist's answer. */
  async respond(callSid: string, utterance: Utterance, output: VoiceOutput, options: TurnOptions = {}): Promise<void> {
    return this.callLocks.run(callSid, async () => {
      const call = this.deps.calls.findBySid(callSid);
      if (!call) return output.refuse(WORDS.unknownCall);
      const tenant = this.deps.tenants.get(call.tenantId).config;
      if (call.state.fallback === 'message') return this.fallbackTurn(call, tenant, utterance, output);
      const callerText = describeUtterance(utterance);
      if (callerText) this.deps.calls.appendLines(call, [{ speaker: 'caller', ...callerText }]);
      if (call.mode === 'staff') {
        // Words the caller says while staff have the call are kept for the desk to read; staff answer.
        return output.end({ next: 'listen', hints: [], listener: 'staff' }, { tenant, callId: call.id, language: languageOf(call, tenant) });
      }
      const outcome = await runBrainTurn(this.deps, call, tenant, utterance, output, options);
      if (outcome.kind === 'abandoned') return;
      if (outcome.kind === 'failed') {
        this.deps.logger.error({ tenantId: tenant.id, callId: call.id, err: outcome.error }, 'brain turn failed; the message taker takes the call');
        return this.startFallback(call, tenant, [], output);
      }
      const { result, language, spoken } = outcome;
      let say = outcome.say;
      if (say.length === 0 && result.next !== 'hangup') {
        say = [words('call.sayAgain', language)];
        if (spoken) void speakAndRecord(this.deps.calls, call, output, say[0]!);
      }
      const outcomeName = result.next === 'transfer' && result.transferTo ? (result.outcome ?? 'transferred') : result.outcome;
      const state: CallState = { ...call.state, brain: result.state, fallback: null, lastSay: say, language, unsavedMessage: result.unsavedMessage ?? null };
      this.deps.calls.recordTurn(call, {
        // Unspoken here (a language this voice lacks): the transcript gets the lines now, gather mode says them.
        replies: spoken ? [] : say,
        state,
        outcome: outcomeName,
        summary: result.summary,
        callerName: result.callerName,
      });
      if (utterance.kind !== 'start' && (result.outcome !== undefined || language !== call.state.language)) this.rememberLanguage(call, language);
      const end: TurnEnd = !spoken
        ? { next: 'gather' }
        : result.next === 'transfer' && result.transferTo
          ? { next: 'transfer', to: result.transferTo }
          : result.next === 'listen'
            ? { next: 'listen', hints: result.hints ?? [], listener: 'receptionist' }
            : { next: 'hangup' };
      output.end(end, { tenant, callId: call.id, language });
    });
  }

  /** Gather mode: Twilio reports what the caller said or pressed (or that they said nothing). */
  async gather(input: { callSid: string; speech: string; confidence: number | null; digits: string }, output: VoiceOutput): Promise<void> {
    return this.respond(input.callSid, gatheredUtterance(input), output);
  }

  /** The front desk did not pick up a transfer: the caller can still leave a message. */
  async dialEnded(input: { callSid: string; dialStatus: string }, output: VoiceOutput): Promise<void> {
    return this.callLocks.run(input.callSid, async () => {
      const call = this.deps.calls.findBySid(input.callSid);
      if (!call) return output.refuse(WORDS.unknownCall);
      const tenant = this.deps.tenants.get(call.tenantId).config;
      if (input.dialStatus === 'completed' || input.dialStatus === 'answered') {
        this.deps.calls.setOutcome(call, 'transferred');
        return output.end({ next: 'hangup' }, { tenant, callId: call.id, language: languageOf(call, tenant) });
      }
      return this.startFallback(call, tenant, [words('call.dialFailed', languageOf(call, tenant))], output);
    });
  }

  /** Serializes everything that touches one call's state (webhooks, desk actions, stream turns). */
  withCall<T>(callSid: string, fn: () => Promise<T>): Promise<T> {
    return this.callLocks.run(callSid, fn);
  }

  /**
   * While staff have the call: speak the lines they typed (after a first "one moment"), then
   * listen, recording what the caller says for the desk to read.
   */
  async staffTurn(input: { callSid: string; speech: string; confidence: number | null }, output: VoiceOutput): Promise<void> {
    return this.callLocks.run(input.callSid, async () => {
      const call = this.deps.calls.findBySid(input.callSid);
      if (!call) return output.refuse(WORDS.unknownCall);
      const tenant = this.deps.tenants.get(call.tenantId).config;
      if (call.mode !== 'staff') return this.resumeTurn(call, tenant, output);
      const queue = call.state.staffQueue ?? [];
      const caller = input.speech.trim() ? { text: input.speech.trim(), confidence: input.confidence } : null;
      if (caller) this.deps.calls.appendLines(call, [{ speaker: 'caller', ...caller }]);
      // Staff lines went into the transcript when typed; only the hold phrase is new here.
      const language = languageOf(call, tenant);
      if (!call.state.staffGreeted) void speakAndRecord(this.deps.calls, call, output, words('call.staffHold', language));
      for (const line of queue) void output.speak(line);
      this.deps.calls.recordTurn(call, { replies: [], state: { ...call.state, staffQueue: [], staffGreeted: true } });
      output.end({ next: 'listen', hints: [], listener: 'staff' }, { tenant, callId: call.id, language });
    });
  }

  /** The receptionist takes the call again after staff handed it back (or asks Twilio to wait for staff). */
  async resume(callSid: string, output: VoiceOutput): Promise<void> {
    return this.callLocks.run(callSid, async () => {
      const call = this.deps.calls.findBySid(callSid);
      if (!call) return output.refuse(WORDS.unknownCall);
      const tenant = this.deps.tenants.get(call.tenantId).config;
      if (call.mode === 'staff') return output.end({ next: 'listen', hints: [], listener: 'staff' }, { tenant, callId: call.id, language: languageOf(call, tenant) });
      return this.resumeTurn(call, tenant, output);
    });
  }

  /**
   * The call comes back to the receptionist in another voice mode (the speech service failed): a
   * sentence so the caller knows, then the last question again, from the same state.
   */
  async continueAfterStream(callSid: string, output: VoiceOutput, reason: 'speech-failed' | 'language' = 'speech-failed'): Promise<void> {
    const call = this.deps.calls.findBySid(callSid);
    if (call && call.turn === 0 && call.mode === 'receptionist' && call.state.fallback !== 'message') {
      // The stream never got to greet the caller: start the call here.
      return this.respond(callSid, { kind: 'start' }, output);
    }
    return this.callLocks.run(callSid, async () => {
      const fresh = this.deps.calls.findBySid(callSid);
      if (!fresh) return output.refuse(WORDS.unknownCall);
      const tenant = this.deps.tenants.get(fresh.tenantId).config;
      const language = languageOf(fresh, tenant);
      if (fresh.mode === 'staff') return output.end({ next: 'listen', hints: [], listener: 'staff' }, { tenant, callId: fresh.id, language });
      if (reason === 'language') {
        // The stream handed over a turn it could not speak: it is in the transcript already; say it all here.
        for (const line of fresh.state.lastSay ?? [words('call.howCanIHelp', language)]) void output.speak(line);
      } else {
        const again = fresh.state.lastSay?.length ? fresh.state.lastSay.slice(-1) : [words('call.howCanIHelp', language)];
        for (const line of [words('call.lineCutOut', language), ...again]) void speakAndRecord(this.deps.calls, fresh, output, line);
      }
      output.end({ next: 'listen', hints: [], listener: 'receptionist' }, { tenant, callId: fresh.id, language });
    });
  }

  private resumeTurn(call: CallRecord, tenant: TenantConfig, output: VoiceOutput): void {
    const language = languageOf(call, tenant);
    const say = [words('call.handedBack', language), ...(call.state.lastSay?.length ? call.state.lastSay.slice(-1) : [words('call.howCanIHelp', language)])];
    for (const line of say) void speakAndRecord(this.deps.calls, call, output, line);
    this.deps.calls.recordTurn(call, { replies: [], state: call.state });
    output.end({ next: 'listen', hints: [], listener: 'receptionist' }, { tenant, callId: call.id, language });
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

  /**
   * The caller's language goes on their customer record (texts to them use it): the one caller ID
   * recognized, or the one a booking or message on this call just created for their number.
   */
  private rememberLanguage(call: CallRecord, language: Language): void {
    const customerId = call.customerId ?? (call.from ? (this.deps.customers.recognize(call.tenantId, call.from)?.id ?? null) : null);
    if (customerId) this.deps.customers.setLanguage(call.tenantId, customerId, language);
  }

  private startFallback(call: CallRecord, tenant: TenantConfig, before: string[], output: VoiceOutput): void {
    const language = languageOf(call, tenant);
    for (const line of [...before, words('call.fallbackStart', language)]) void speakAndRecord(this.deps.calls, call, output, line);
    const state: CallState = { ...call.state, fallback: 'message', language };
    this.deps.calls.recordTurn(call, { replies: [], state });
    output.end({ next: 'listen', hints: [], listener: 'receptionist' }, { tenant, callId: call.id, language });
  }

  private fallbackTurn(call: CallRecord, tenant: TenantConfig, utterance: Utterance, output: VoiceOutput): void {
    const callerText = describeUtterance(utterance);
    const language = languageOf(call, tenant);
    if (callerText) this.deps.calls.appendLines(call, [{ speaker: 'caller', ...callerText }]);
    if (utterance.kind !== 'speech') {
      void speakAndRecord(this.deps.calls, call, output, words('call.fallbackSilence', language));
      this.deps.calls.recordTurn(call, { replies: [], state: call.state, outcome: call.outcome ?? 'abandoned' });
      return output.end({ next: 'hangup' }, { tenant, callId: call.id, language });
    }
    this.deps.calls.takeMessage({ tenantId: tenant.id, callId: call.id, callerName: call.callerName, callbackNumber: call.from, reason: utterance.text, urgent: false });
    void speakAndRecord(this.deps.calls, call, output, words('call.fallbackTaken', language));
    this.deps.calls.recordTurn(call, { replies: [], state: call.state, outcome: 'message' });
    output.end({ next: 'hangup' }, { tenant, callId: call.id, language });
  }
}

/** What a Twilio `<Gather>` heard, as an utterance: words first, then keys, else silence. */
export function gatheredUtterance(input: { speech: string; confidence: number | null; digits: string }): Utterance {
  if (input.speech.trim()) return { kind: 'speech', text: input.speech.trim(), confidence: input.confidence ?? 0 };
  if (input.digits.trim()) return { kind: 'dtmf', digits: input.digits.trim() };
  return { kind: 'none' };
}

function describeUtterance(utterance: Utterance): { text: string; confidence: number | null } | null {
  if (utterance.kind === 'speech') return { text: utterance.text, confidence: utterance.confidence };
  if (utterance.kind === 'dtmf') return { text: `(pressed ${utterance.digits})`, confidence: null };
  return null;
}
