import type { TenantConfig } from '../../../../shared/contract/index.js';
import type { ActionName, ActionResult, ActionResults } from '../actions/types.js';
import type { CallOutcome } from '../brain.js';
import type { LlmState } from './llm-state.js';
import { clockTimesIn } from './spoken-times-guard.js';

const OUTCOMES: Partial<Record<ActionName, CallOutcome>> = {
  book_appointment: 'booked',
  reschedule_appointment: 'rescheduled',
  cancel_appointment: 'cancelled',
  take_message: 'message',
  answer_question: 'answered',
};

const SUMMARIES: Partial<Record<ActionName, (tenant: TenantConfig, args: Record<string, unknown>) => string>> = {
  check_availability: (tenant, args) => `book a ${tenant.services.find((s) => s.id === args.serviceId)?.name.toLowerCase() ?? 'visit'}`,
  find_appointments: () => 'their appointments',
  take_message: () => 'leave a message',
  transfer_to_staff: () => 'speak to a person',
};

/**
 * What the brain remembers from a tool result: the times it may now speak (availability results,
 * holds, the caller's appointments, times quoted in answers), the caller's name, the call's
 * outcome, and a transfer.
 */
export function applyToolResult(
  name: ActionName,
  args: Record<string, unknown>,
  result: ActionResult<ActionName>,
  state: LlmState,
  tenant: TenantConfig,
): { outcome?: CallOutcome; transferTo?: string } {
  state.summary ??= SUMMARIES[name]?.(tenant, args) ?? null;
  if (!result.ok) return {};
  const data = result.data;
  switch (name) {
    case 'check_availability':
      for (const slot of (data as ActionResults['check_availability']).slots) state.offered.push({ start: slot.start, providerId: slot.providerId });
      break;
    case 'hold_slot': {
      const { slot } = data as ActionResults['hold_slot'];
      state.offered.push({ start: slot.start, providerId: slot.providerId });
      break;
    }
    case 'find_appointments':
      for (const a of (data as ActionResults['find_appointments']).appointments) state.quotedStarts.push(a.start);
      break;
    case 'answer_question':
      state.quotedClock.push(...clockTimesIn((data as ActionResults['answer_question']).answer));
      break;
    case 'book_appointment':
      if (typeof args.customerName === 'string' && args.customerName.trim()) state.callerName = args.customerName.trim();
      break;
    case 'transfer_to_staff': {
      const number = (data as ActionResults['transfer_to_staff']).number;
      return number ? { outcome: 'transferred', transferTo: number } : {};
    }
    default:
      break;
  }
  const outcome = OUTCOMES[name];
  return outcome ? { outcome } : {};
}
