import type { Turn } from './turn.js';
import { clockWords } from './words.js';

const WEEKDAY_WORDS = ['today', 'tomorrow', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'next week', 'morning', 'afternoon', 'earliest available'];
const REQUEST_WORDS = ['appointment', 'book', 'reschedule', 'cancel', 'hours', 'leave a message', 'front desk'];
const ORDINALS = ['the first one', 'the second one', 'the third one', 'none of those'];
const YES_NO = ['yes', 'no'];

/** Words the speech recognizer should expect after the question just asked. */
export function hintsFor(t: Turn): string[] {
  const { tenant } = t;
  const services = tenant.services.flatMap((s) => [s.name, ...s.aliases.slice(0, 2)]);
  const providers = tenant.providers.flatMap((p) => [p.name, ...p.aliases.slice(0, 1)]);
  let hints: string[];
  switch (t.pendingKind) {
    case 'service':
      hints = services;
      break;
    case 'when':
      hints = [...WEEKDAY_WORDS, ...providers];
      break;
    case 'pick_slot':
      hints = [...ORDINALS, ...t.state.offered.map((o) => clockWords(o.start, tenant))];
      break;
    case 'pick_appointment':
      hints = ORDINALS.slice(0, 3);
      break;
    case 'confirm_slot':
    case 'confirm_reschedule':
    case 'confirm_cancel':
    case 'confirm_name':
    case 'confirm_callback':
    case 'callback_confirm':
    case 'offer_message':
    case 'offer_waitlist':
      hints = [...YES_NO, ...WEEKDAY_WORDS.slice(0, 7)];
      break;
    case 'offer_help':
      hints = ['take a message', 'the front desk'];
      break;
    case 'name':
    case 'lookup':
    case 'callback_number':
    case 'message_reason':
      hints = [];
      break;
    default:
      hints = [...REQUEST_WORDS, ...services, ...providers];
  }
  return [...new Set(hints)];
}
