import type { Language, TenantConfig } from '../../../shared/contract/index.js';
import { message, streamTurn, TurnActions, type ActionRouter, type Brain, type HeardLine, type TurnResult, type Utterance } from '../conversation/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import type { CallService } from './call-service.js';
import type { CallRecord } from './ports.js';
import type { Heard, VoiceOutput } from './voice-output.js';

/** Twilio waits 15 s for an answer; a brain turn that takes longer than this is abandoned for the fallback. */
export const TURN_DEADLINE_MS = 8_000;

export interface TurnOptions {
  /** Aborted when the turn is abandoned from outside: the caller cut in, hung up, or staff took over. */
  signal?: AbortSignal;
  /** Say a filler when nothing is ready this long after the turn starts, or an action runs this long (stream mode). */
  fillerAfterMs?: number;
  /** Told as the turn moves on, for latency records. */
  onFirstSentence?: () => void;
}

export interface TurnDeps {
  calls: CallService;
  brain: Brain;
  actions: ActionRouter;
  releaseHold: (tenantId: string, holdId: string) => Promise<void>;
  clock: Clock;
  logger: Logger;
  turnDeadlineMs?: number;
}

/**
 * How a brain turn went: answered (state kept), abandoned from outside, or failed (deadline or
 * error). `spoken: false`: the answer is in a language the output cannot speak, so nothing of it
 * was said; the caller hears it in gather mode.
 */
export type BrainTurnOutcome =
  | { kind: 'answered'; result: TurnResult<unknown>; say: string[]; language: Language; spoken: boolean }
  | { kind: 'abandoned' }
  | { kind: 'failed'; error: unknown };

/** The language the caller is spoken to in: the call's once known, else the practice's first. */
export function callLanguage(call: CallRecord, tenant: TenantConfig): Language {
  return call.state.language ?? tenant.languages[0] ?? 'en';
}

/** Whether `output` can say sentences in `language` (an output without a list speaks any). */
export function canSpeak(output: VoiceOutput, language: Language): boolean {
  return !output.languages || output.languages.includes(language);
}

class DeadlineError extends Error {}

/**
 * One brain turn: sentences go to the output as the brain yields them, actions go through a router
 * bound to the turn's signal, and the turn is abandoned on the deadline or from outside. An
 * abandoned turn acts no more, keeps no state, and gives back the slots it held.
 */
export async function runBrainTurn(
  deps: TurnDeps,
  call: CallRecord,
  tenant: TenantConfig,
  utterance: Utterance,
  output: VoiceOutput,
  options: TurnOptions,
): Promise<BrainTurnOutcome> {
  const abandon = new AbortController();
  const fromOutside = options.signal;
  const onOutsideAbort = () => abandon.abort(fromOutside?.reason);
  if (fromOutside?.aborted) onOutsideAbort();
  fromOutside?.addEventListener('abort', onOutsideAbort, { once: true });
  const language = callLanguage(call, tenant);
  // When this call could turn to a language the output cannot speak (a bilingual practice in
  // stream mode), sentences wait for the turn's result, which says the language they are in.
  const mayChangeLanguage = tenant.languages.some((l) => !canSpeak(output, l));
  const filler = new Filler(mayChangeLanguage && !canSpeak(output, language) ? undefined : options.fillerAfterMs, () =>
    speakAndRecord(deps.calls, call, output, message(language, 'call.fillerChecking')),
  );
  const actions = new TurnActions(deps.actions, {
    signal: abandon.signal,
    releaseHold: deps.releaseHold,
    onAction: (_name, phase) => (phase === 'start' ? filler.arm() : filler.disarm()),
    onReleaseFailed: (error, holdId) => deps.logger.warn({ tenantId: tenant.id, callId: call.id, holdId, err: error }, 'could not release the hold of an abandoned turn'),
  });
  const said: string[] = [];
  const held: string[] = [];
  filler.arm();
  try {
    const turn = streamTurn(deps.brain, {
      state: call.state.brain,
      utterance,
      tenant,
      caller: { phone: call.from, customer: call.customerId ? { id: call.customerId, name: call.callerName } : null },
      callId: call.id,
      turn: call.turn,
      now: deps.clock.now(),
      actions,
      signal: abandon.signal,
      heard: heardSoFar(deps.calls, call),
    });
    // A turn abandoned midway must not leave its result rejecting unobserved.
    turn.result.catch(() => {});
    const result = await untilAbandoned(
      abandon,
      deps.turnDeadlineMs ?? TURN_DEADLINE_MS,
      (async () => {
        for await (const sentence of turn.sentences) {
          if (abandon.signal.aborted) break;
          if (said.length === 0) options.onFirstSentence?.();
          filler.disarm(true);
          if (mayChangeLanguage) held.push(sentence);
          else {
            said.push(sentence);
            void speakAndRecord(deps.calls, call, output, sentence);
          }
        }
        return turn.result;
      })(),
    );
    if (abandon.signal.aborted) throw new Error('abandoned');
    const answeredIn = result.language ?? language;
    const say = said.length > 0 ? said : held.length > 0 ? held : result.say;
    if (!mayChangeLanguage) return { kind: 'answered', result, say, language: answeredIn, spoken: true };
    if (!canSpeak(output, answeredIn)) return { kind: 'answered', result, say, language: answeredIn, spoken: false };
    for (const sentence of held) void speakAndRecord(deps.calls, call, output, sentence);
    return { kind: 'answered', result, say, language: answeredIn, spoken: true };
  } catch (error) {
    filler.disarm(true);
    if (!abandon.signal.aborted) abandon.abort(error);
    await actions.abandon();
    if (fromOutside?.aborted && !(error instanceof DeadlineError)) return { kind: 'abandoned' };
    return { kind: 'failed', error };
  } finally {
    filler.disarm(true);
    fromOutside?.removeEventListener('abort', onOutsideAbort);
  }
}

/** Speaks a sentence and appends to the transcript what the caller heard of it, when they heard it. */
export function speakAndRecord(...args: Parameters<typeof speakAndRecordUnsafe>): Promise<Heard> {
  // A line can finish playing after the call (or the appliance) has gone; losing its record then is
  // better than an unhandled rejection.
  return speakAndRecordUnsafe(...args).catch(() => ({ text: '', interrupted: true }));
}

function speakAndRecordUnsafe(calls: CallService, call: CallRecord, output: VoiceOutput, text: string, speaker: 'receptionist' | 'staff' = 'receptionist'): Promise<Heard> {
  return output.speak(text).then((heard) => {
    if (heard.text.trim()) calls.appendLines(call, [{ speaker, text: heard.text, confidence: null, interrupted: heard.interrupted }]);
    return heard;
  });
}

function heardSoFar(calls: CallService, call: CallRecord): HeardLine[] {
  return calls.transcriptOf(call).map((t) => ({ speaker: t.speaker, text: t.text, interrupted: t.interrupted }));
}

/** Resolves with the work, or rejects once the turn is abandoned from outside or misses the deadline. */
function untilAbandoned<T>(abandon: AbortController, deadlineMs: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`brain turn took longer than ${deadlineMs} ms`)), deadlineMs);
    timer.unref();
    onAbort = () => reject(new Error('turn abandoned'));
    abandon.signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, stop]).finally(() => {
    clearTimeout(timer);
    if (onAbort) abandon.signal.removeEventListener('abort', onAbort);
  });
}

/** At most one filler per turn, said when nothing was said for a while or an action is slow. */
class Filler {
  private timer: NodeJS.Timeout | null = null;
  private done = false;

  constructor(
    private readonly afterMs: number | undefined,
    private readonly say: () => Promise<Heard>,
  ) {}

  arm(): void {
    if (this.afterMs === undefined || this.done || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.done) return;
      this.done = true;
      void this.say();
    }, this.afterMs);
    this.timer.unref();
  }

  /** `forGood`: the turn has spoken (or ended), so no filler is needed any more. */
  disarm(forGood = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (forGood) this.done = true;
  }
}
