import { clockWords, type MessageId, type MessageParams } from '../prompts/index.js';
import type { Expectation, Understanding } from '../understanding/types.js';
import { onConfirmAppointment, onConfirmCancel, onLookup, onPickAppointment } from './appointment-flow.js';
import { onCallbackConfirm, onCallbackNumber, onConfirmCallback, onMessageReason, onOfferMessage } from './message-flow.js';
import { onConfirmName, onName } from './name-step.js';
import { onAnythingElse, onIntent } from './open-questions.js';
import { onOfferHelp } from './recovery.js';
import type { Pending, PendingKind, RulesState } from './rules-state.js';
import { onConfirmSlot, onPickSlot, onService, onWhen } from './slot-answers.js';
import type { Turn } from './turn.js';
import { onOfferWaitlist } from './waitlist-flow.js';

/** An answer to the pending question; false hands the utterance to the router as a new request. */
export type Handler = (t: Turn, u: Understanding) => Promise<boolean>;

/**
 * Everything one pending question means, in one row: what the next utterance is likely to be
 * (so understanding reads a bare "2" or "Ann Lee" right), what the speech recognizer should
 * listen for, who handles the answer, and whether it belongs to a request in progress. When it
 * does, an answer to something else (an aside: "what are your hours?") is answered and the
 * question asked again; when it does not, a new request simply takes over.
 * Its words are catalog ids: the usual prompt and the rephrasing said after a silence or a miss
 * (a flow may ask it in other words for the moment, e.g. "What other day would work?").
 */
export interface Question {
  prompt: MessageId;
  reprompt: MessageId;
  expect: Expectation | null;
  hints: (t: Turn) => string[];
  handle: Handler;
  inFlow: boolean;
  /** How many options it read out, so "the last one" can be numbered. */
  optionCount?: (s: RulesState) => number | null;
}

const WHEN_WORDS: Record<string, string[]> = {
  en: ['today', 'tomorrow', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'next week', 'morning', 'afternoon', 'earliest available'],
  es: ['hoy', 'mañana', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'la próxima semana', 'en la mañana', 'en la tarde', 'lo antes posible'],
};
const REQUEST_WORDS: Record<string, string[]> = {
  en: ['appointment', 'book', 'reschedule', 'cancel', 'hours', 'leave a message', 'front desk'],
  es: ['cita', 'hacer una cita', 'cambiar', 'cancelar', 'horario', 'dejar un mensaje', 'recepción', 'español'],
};
const ORDINALS: Record<string, string[]> = {
  en: ['the first one', 'the second one', 'the third one', 'none of those'],
  es: ['el primero', 'el segundo', 'el tercero', 'ninguno'],
};
const YES_NO: Record<string, string[]> = { en: ['yes', 'no'], es: ['sí', 'no'] };
const HELP: Record<string, string[]> = { en: ['take a message', 'the front desk'], es: ['un mensaje', 'la recepción'] };
const WAITLIST: Record<string, string[]> = { en: ['waitlist', 'text me'], es: ['lista de espera', 'avíseme'] };

const services = (t: Turn) => t.tenant.services.flatMap((s) => [s.names[t.lang] ?? s.name, ...s.aliases.slice(0, 2)]);
const providers = (t: Turn) => t.tenant.providers.flatMap((p) => [p.name, ...p.aliases.slice(0, 1)]);
const whenWords = (t: Turn) => WHEN_WORDS[t.lang] ?? [];
const yesNo = (t: Turn) => [...(YES_NO[t.lang] ?? []), ...whenWords(t).slice(0, 7)];
const none = () => [];
/** While a full day's waitlist is on offer (after the options, or asked outright). */
const waitlist = (t: Turn) => (t.state.waitlistDate ? (WAITLIST[t.lang] ?? []) : []);
const openRequest = (t: Turn) => [...(REQUEST_WORDS[t.lang] ?? []), ...services(t), ...providers(t)];
const confirm = (prompt: MessageId, reprompt: MessageId, handle: Handler, inFlow = true): Question => ({ prompt, reprompt, expect: 'yes_no', hints: yesNo, handle, inFlow });

export const QUESTIONS: Record<PendingKind, Question> = {
  intent: { prompt: 'intent.ask', reprompt: 'intent.reprompt', expect: null, hints: openRequest, handle: onIntent, inFlow: false },
  anything_else: { prompt: 'anythingElse.ask', reprompt: 'anythingElse.reprompt', expect: null, hints: openRequest, handle: onAnythingElse, inFlow: false },
  service: { prompt: 'service.ask', reprompt: 'service.reprompt', expect: null, hints: services, handle: onService, inFlow: true },
  when: { prompt: 'when.ask', reprompt: 'when.reprompt', expect: 'date', hints: (t) => [...whenWords(t), ...providers(t)], handle: onWhen, inFlow: true },
  pick_slot: {
    prompt: 'pick.ask',
    reprompt: 'pick.reprompt',
    expect: 'choice',
    hints: (t) => [...(ORDINALS[t.lang] ?? []), ...t.state.offered.map((o) => clockWords(t.lang, o.start, t.tenant)), ...waitlist(t)],
    handle: onPickSlot,
    inFlow: true,
    optionCount: (s) => s.offered.length,
  },
  confirm_slot: confirm('readBack.book', 'readBack.bookReprompt', onConfirmSlot),
  confirm_reschedule: confirm('readBack.move', 'readBack.moveReprompt', onConfirmSlot),
  name: { prompt: 'name.ask', reprompt: 'name.reprompt', expect: 'name', hints: none, handle: onName, inFlow: true },
  confirm_name: confirm('name.check', 'name.checkReprompt', onConfirmName),
  lookup: { prompt: 'lookup.ask', reprompt: 'lookup.reprompt', expect: 'name', hints: none, handle: onLookup, inFlow: true },
  pick_appointment: { prompt: 'appointments.pickMove', reprompt: 'appointments.pickReprompt', expect: 'choice', hints: (t) => (ORDINALS[t.lang] ?? []).slice(0, 3), handle: onPickAppointment, inFlow: true, optionCount: (s) => s.appointments.length },
  confirm_cancel: confirm('cancel.ask', 'cancel.reprompt', onConfirmCancel),
  confirm_appointment: confirm('appointments.isThatIt', 'appointments.isThatItReprompt', onConfirmAppointment),
  message_reason: { prompt: 'message.askReason', reprompt: 'message.reasonReprompt', expect: null, hints: none, handle: onMessageReason, inFlow: true },
  callback_confirm: confirm('callback.confirm', 'callback.confirmReprompt', onCallbackConfirm),
  callback_number: { prompt: 'callback.ask', reprompt: 'callback.reprompt', expect: 'phone', hints: none, handle: onCallbackNumber, inFlow: true },
  confirm_callback: confirm('callback.check', 'callback.checkReprompt', onConfirmCallback),
  offer_help: { prompt: 'help.messageOrPerson', reprompt: 'help.reprompt', expect: 'choice', hints: (t) => HELP[t.lang] ?? [], handle: onOfferHelp, inFlow: false, optionCount: (s) => s.pending?.choices.length ?? null },
  offer_message: confirm('help.messageOnly', 'help.messageOnly.reprompt', onOfferMessage, false),
  offer_waitlist: { prompt: 'waitlist.offer', reprompt: 'waitlist.offerReprompt', expect: 'yes_no', hints: (t) => [...yesNo(t), ...waitlist(t)], handle: onOfferWaitlist, inFlow: true },
};

export function expectationFor(kind: PendingKind): Expectation | null {
  return QUESTIONS[kind].expect;
}

export function isQuestionInFlow(kind: PendingKind): boolean {
  return QUESTIONS[kind].inFlow;
}

export function optionCountFor(state: RulesState): number | null {
  const kind = state.pending?.kind;
  return kind ? (QUESTIONS[kind].optionCount?.(state) ?? null) : null;
}

/** Words the speech recognizer should expect after the question just asked. */
export function hintsFor(t: Turn): string[] {
  return [...new Set(QUESTIONS[t.pendingKind].hints(t))];
}

/**
 * Asks a question in its usual words (with parameters, e.g. `{ examples }`), or with another
 * opening (`prompt`) but the table's reprompt, so a silence re-asks it the same way everywhere.
 */
export function askQuestion(t: Turn, kind: PendingKind, opts: { params?: MessageParams; prompt?: MessageId; reprompt?: MessageId; extra?: Partial<Pending> } = {}): void {
  const q = QUESTIONS[kind];
  const params = opts.params ?? {};
  t.ask(kind, { id: opts.prompt ?? q.prompt, params }, { id: opts.reprompt ?? q.reprompt, params }, opts.extra);
}
