import { DateTime } from 'luxon';
import type { Language, TenantConfig } from '../../../../shared/contract/index.js';
import type { HeardLine } from '../brain.js';
import type { ChatMessage } from './ports.js';
import type { KnownAppointment } from './system-prompt.js';

/** The LLM brain's memory of a call, stored as JSON with the call between turns. */
export interface LlmState {
  v: 1;
  kind: 'llm';
  /** The conversation as the model sees it (system prompt excluded: it is rebuilt each turn). */
  messages: ChatMessage[];
  /** Slots that came out of availability results or holds in this call: the only times it may offer. */
  offered: { start: number; providerId: string }[];
  /** Starts of appointments the tools reported (the caller's own bookings). */
  quotedStarts: number[];
  /** Clock times quoted in tool answers (hours, FAQ). */
  quotedClock: string[];
  /** The caller's upcoming appointments, looked up once at the start. */
  appointments: KnownAppointment[];
  callerName: string | null;
  /** The language the caller is spoken to in: the practice's first, until the caller chooses or speaks another it offers. */
  language?: Language;
  summary: string | null;
  turns: number;
  tokens: number;
}

export function initialLlmState(): LlmState {
  return { v: 1, kind: 'llm', messages: [], offered: [], quotedStarts: [], quotedClock: [], appointments: [], callerName: null, summary: null, turns: 0, tokens: 0 };
}

/**
 * A turn's own copy of the state: a turn only appends to the lists and sets fields, so copying the
 * lists is enough for an abandoned turn to leave the call's state as it was (no deep copy of the
 * whole conversation every turn).
 */
export function copyState(state: LlmState): LlmState {
  return {
    ...state,
    messages: [...state.messages],
    offered: [...state.offered],
    quotedStarts: [...state.quotedStarts],
    quotedClock: [...state.quotedClock],
    appointments: [...state.appointments],
  };
}

export function isLlmState(value: unknown): value is LlmState {
  const s = value as Partial<LlmState> | null;
  return typeof s === 'object' && s !== null && s.v === 1 && s.kind === 'llm' && Array.isArray(s.messages);
}

const INSTANT_KEYS = new Set(['start', 'expiresAt']);

/**
 * A tool result as the model reads it: epoch-ms instants become local ISO times in the practice's
 * zone (what it passes back), so the model never does time arithmetic of its own.
 */
export function presentResult(value: unknown, tenant: TenantConfig): unknown {
  if (Array.isArray(value)) return value.map((v) => presentResult(v, tenant));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (INSTANT_KEYS.has(key) && typeof v === 'number') return [key === 'start' ? 'local' : key, DateTime.fromMillis(v, { zone: tenant.timezone }).toFormat("yyyy-MM-dd'T'HH:mm")];
      return [key, presentResult(v, tenant)];
    }),
  );
}

/**
 * Barge-in: the model's memory of its last reply becomes what the caller actually heard (from
 * Twilio's marks), so it does not believe it said what was cut off. Nothing heard at all leaves the
 * reply out; the tool calls it made stay (they happened).
 */
export function rememberHeard(state: LlmState, heard: string): LlmState {
  const messages = [...state.messages];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role === 'user') break;
    if (m.role !== 'assistant' || m.tool_calls?.length) continue;
    if (heard.trim()) messages[i] = { role: 'assistant', content: `${heard.trim()} [interrupted by the caller]` };
    else messages.splice(i, 1);
    break;
  }
  return { ...state, messages };
}

/**
 * The receptionist's last reply as the caller heard it, when they cut it off: the receptionist's
 * lines since the caller's previous words (the call records what played, from Twilio's marks).
 * Only a reply the state holds is rewritten: the heard text must be where that reply began (an
 * abandoned turn's words were never in the state).
 */
export function reconcileHeard(state: LlmState, heard: readonly HeardLine[] | undefined): LlmState {
  if (!heard?.length) return state;
  let i = heard.length - 1;
  // The caller's words this turn are already on record: the reply before them is what matters.
  while (i >= 0 && heard[i]!.speaker === 'caller') i--;
  const lines: HeardLine[] = [];
  for (; i >= 0 && heard[i]!.speaker !== 'caller'; i--) if (heard[i]!.speaker === 'receptionist') lines.unshift(heard[i]!);
  if (!lines.some((l) => l.interrupted)) return state;
  const last = [...state.messages].reverse().find((m) => m.role === 'assistant' && !m.tool_calls?.length);
  const said = last && typeof last.content === 'string' ? last.content.replace(/\s+/g, ' ') : '';
  // The call's own filler played before the reply; it was never the model's.
  while (lines.length > 0 && !lines[0]!.interrupted && !said.includes(lines[0]!.text.trim())) lines.shift();
  const text = lines.map((l) => l.text.trim()).join(' ');
  if (!said || !said.startsWith(text.slice(0, Math.min(text.length, 12)))) return state;
  return rememberHeard(state, text);
}
