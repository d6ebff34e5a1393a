import type { Understanding } from '../understanding/types.js';
import { anythingElse } from './closing.js';
import { nextMessageStep } from './message-flow.js';
import { continueBooking, readBack } from './slot-flow.js';
import { askQuestion } from './questions.js';
import type { Turn } from './turn.js';
import { firstName } from './words.js';

/**
 * The name sub-dialog: "your name?" → (low confidence) "did you say …?" → the name, or, after two
 * failed tries, no name (staff see the number). It returns to whatever needed the name.
 */

/** The name in an answer, as understanding read it (a bare "Ann Lee" after "your name?" included). */
export function answeredName(u: Understanding): string | null {
  return u.name ?? u.bareName ?? null;
}

/** The name is settled (or given up on): carry on with whatever needed it. */
async function afterName(t: Turn): Promise<void> {
  const name = t.knownName();
  const thanks = name ? t.m('thanksName', { name: firstName(name) }) : '';
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
  const name = answeredName(u);
  if (name) {
    if (t.lowConfidence) {
      // A misheard name ends up on the booking and in the text message: check it.
      t.clarified();
      askQuestion(t, 'confirm_name', { params: { name }, extra: { candidate: name } });
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
    t.tell('name.skip');
    await afterName(t);
    return true;
  }
  t.tell('name.missed');
  t.speak(pending.reprompt);
  return true;
}

export async function onConfirmName(t: Turn, u: Understanding): Promise<boolean> {
  const candidate = t.state.pending?.candidate ?? null;
  if (u.name && u.name !== candidate) await accept(t, u.name);
  else if (u.intent === 'yes' && candidate) await accept(t, candidate);
  else if (u.intent === 'no') t.ask('name', 'name.sayAgain', 'name.repromptMessage');
  else return false;
  return true;
}
