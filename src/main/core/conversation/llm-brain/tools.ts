import { z } from 'zod';
import { ACTION_NAMES, actionArgs, type ActionName } from '../actions/types.js';
import type { ToolDefinition } from './ports.js';

/** What each action is for, as the model reads it. The arguments come from the router's own schemas. */
const ACTION_DESCRIPTIONS: Record<ActionName, string> = {
  check_availability: 'Find open appointment times. The only source of times you may offer: never offer or confirm a time that did not come from this tool in this call.',
  hold_slot: 'Hold one offered time for a few minutes while the caller decides. Returns the exact time to read back.',
  book_appointment:
    'Book the held time (holdId) or an offered time. Only after you read back the exact day, time and provider and the caller said yes in a later turn; otherwise it is refused.',
  find_appointments: "Look up the caller's upcoming appointments (by caller ID, or a phone number or name they give).",
  cancel_appointment: 'Cancel an appointment found with find_appointments, only after reading it back and hearing the caller say yes.',
  reschedule_appointment: 'Move an appointment to a held or offered time, only after reading back the new time and hearing the caller say yes.',
  answer_question: "Answer a question about hours, location, or one of the practice's FAQ entries (by its index).",
  take_message: 'Take a message for the staff with a callback number.',
  transfer_to_staff: 'Put the caller through to a person at the front desk (emergencies, or when the caller asks for a person).',
  join_waitlist: 'Put the caller on the waitlist for a full day (or range of days): when a matching time frees up, they are offered it by text. Only when the caller asks to wait for that day.',
};

/** Not a front-desk action: lets the model end the call after saying goodbye. */
export const END_CALL = 'end_call';
export const endCallArgs = z.object({ reason: z.string().max(200).optional() });

function parameters(schema: z.ZodType): Record<string, unknown> {
  // Input shape: defaults are optional for the model, exactly as the router parses them.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/**
 * The tools the model may call, generated from the action router's zod schemas: one source of
 * truth, so the model can never be told about an argument the router would not accept.
 */
export function buildTools(): ToolDefinition[] {
  const actions = ACTION_NAMES.map((name) => ({
    type: 'function' as const,
    function: { name, description: ACTION_DESCRIPTIONS[name], parameters: parameters(actionArgs[name]) },
  }));
  return [
    ...actions,
    { type: 'function' as const, function: { name: END_CALL, description: 'Hang up, after you said goodbye and the caller has nothing else.', parameters: parameters(endCallArgs) } },
  ];
}

export const TOOL_NAMES: ReadonlySet<string> = new Set([...ACTION_NAMES, END_CALL]);
