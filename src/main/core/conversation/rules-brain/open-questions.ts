import type { Understanding } from '../understanding/types.js';
import { goodbye } from './closing.js';
import { startMessage } from './message-flow.js';
import { startBooking } from './slot-flow.js';
import type { Turn } from './turn.js';
import { changesWish } from './wish.js';
import { firstName } from './words.js';

/**
 * A greeting that carries nothing else; "hello, I'd like to ask about parking" carries a question,
 * "hi, do you guys do implants?" a service, "hi, how much is it?" a price.
 */
function bareGreeting(u: Understanding): boolean {
  return u.intent === 'greeting' && !changesWish(u) && u.faqIndex === null && !(u.questions && u.questions.length > 0) && u.askedService === undefined && !u.asksPrice;
}

/** "How can I help you?": a hello back, or a request for the router. */
export async function onIntent(t: Turn, u: Understanding): Promise<boolean> {
  if (bareGreeting(u)) {
    const name = t.knownName();
    t.ask('intent', name ? { id: 'intent.hiName', params: { name: firstName(name) } } : 'intent.hi', 'intent.reprompt');
    return true;
  }
  if (u.intent === 'yes' && !changesWish(u)) {
    t.ask('intent', 'intent.sure', 'intent.reprompt');
    return true;
  }
  return false;
}

export async function onAnythingElse(t: Turn, u: Understanding): Promise<boolean> {
  if (u.intent === 'no' && !changesWish(u)) {
    goodbye(t);
    return true;
  }
  // "A haircut is $45. Would you like to book one?" "Yes": a haircut it is. The same after an
  // answer that came with a service ("I need a cleaning, do you take insurance?").
  // "We offer… Would you like to book one of those?" "Yes": which one.
  const mentioned = t.state.mentionedServiceId;
  const offeredBooking = t.state.pending?.promptId;
  if (u.intent === 'yes' && !changesWish(u) && (offeredBooking === 'price.offerBooking' || offeredBooking === 'faq.offerBooking') && mentioned !== null) {
    await startBooking(t, { ...u, intent: 'book', serviceId: mentioned });
    return true;
  }
  // "…I can take a message for them, or book an appointment for you." "A message, please."
  if (offeredBooking === 'price.messageOrBook' && u.intent === 'unknown' && u.helpChoice === 'message') {
    await startMessage(t, { reason: null });
    return true;
  }
  if (u.intent === 'yes' && !changesWish(u) && offeredBooking === 'service.whichOfThose') {
    t.state.mentionedServiceId = null;
    await startBooking(t, { ...u, intent: 'book' });
    return true;
  }
  return onIntent(t, u);
}
