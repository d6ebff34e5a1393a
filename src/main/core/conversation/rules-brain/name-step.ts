import type { Understanding } from '../understanding/types.js';
import { anythingElse } from './closing.js';
import { nextMessageStep } from './message-flow.js';
import { continueBooking, readBack } from './slot-flow.js';
import type { Turn } from './turn.js';
import { changesWish } from './wish.js';
import { firstName, nameFromAnswer } from './words.js';

/** The name is settled (or given up on): carry on with whatever needed it. */
/**
 * The name in an answer: what understanding found, else the answer itself when it is nothing
 * but a name (not "Thursday afternoon" or "the second one").
 */
export function answeredName(t: Turn, u: Understanding): string | null {
  if (u.name) return u.name;
  const bare = (u.intent === 'unknown' || u.intent === 'greeting') && !changesWish(u) && u.choice === null && u.phone === null;
  return bare ? nameFromAnswer(t.text) : null;
}

async function afterName(t: Turn): Promise<void> {
  const name = t.knownName();
  const thanks = name ? `Thanks, ${firstName(name)}.` : '';
  const s = t.state;
  if (s.flow === 'book' && s.hold) readBack(t, thanks);
  else if (s.flow === 'book') await continueBooking(t, thanks);
  else if (s.flow === 'message') {
    t.speak(thanks);
    await nextMessageStep(t);
  } else anythingElse(t, thanks);
}

function accept(t: Turn, name: string): Promise<void> {
  t.state.name = name;
  return afterName(t);
}

export async function onName(t: Turn, u: Understanding): Promise<boolean> {
  const pending = t.state.pending;
  if (!pending) return false;
  const name = answeredName(t, u);
  if (name) {
    if (t.lowConfidence) {
      // A misheard name ends up on the booking and in the text message: check it.
      t.clarified();
      t.ask('confirm_name', `Just to check, did you say ${name}?`, `Is your name ${name}? Please say yes or no.`, { candidate: name });
      return true;
    }
    await accept(t, name);
    return true;
  }
  if (u.intent !== 'unknown' && u.intent !== 'yes' && u.intent !== 'no') return false;
  pending.attempts += 1;
  t.clarified();
  if (pending.attempts >= 2) {
    // Better to go on without a name (staff see the number) than to loop on it.
    t.state.nameSkipped = true;
    t.speak("Sorry, I still didn't catch your name. That's okay.");
    await afterName(t);
    return true;
  }
  t.speak("Sorry, I didn't catch your name.", pending.reprompt);
  return true;
}

export async function onConfirmName(t: Turn, u: Understanding): Promise<boolean> {
  const candidate = t.state.pending?.candidate ?? null;
  if (u.name && u.name !== candidate) await accept(t, u.name);
  else if (u.intent === 'yes' && candidate) await accept(t, candidate);
  else if (u.intent === 'no') t.ask('name', 'Sorry about that. Could you say your name again?', 'Could you tell me your name, please?');
  else return false;
  return true;
}
