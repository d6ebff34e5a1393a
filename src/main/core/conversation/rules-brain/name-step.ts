import type { Understanding } from '../understanding/types.js';
import { anythingElse } from './closing.js';
import { nextMessageStep } from './message-flow.js';
import { continueBooking, readBack } from './slot-flow.js';
import type { MessageId } from '../prompts/index.js';
import { askQuestion } from './questions.js';
import type { Resume } from './rules-state.js';
import type { Turn } from './turn.js';
import { firstName } from './words.js';

/**
 * The name sub-dialog, a reusable step: "your name?" → (low confidence) "did you say …?" → the
 * name, or, after two failed tries, no name (staff see the number). Whoever asks says where the
 * result goes (`resume`), and the step hands it there when it is done.
 */
export function askName(t: Turn, resume: Resume, prompt: MessageId = 'name.ask'): void {
  // "What name should I put the appointment under?" only fits a booking.
  askQuestion(t, 'name', { prompt, extra: { resume }, ...(resume === 'read_back' || resume === 'booking' ? {} : { reprompt: 'name.repromptMessage' as const }) });
}

/** What each asker does with the name (or with none). */
const RESUME: Record<Resume, (t: Turn, thanks: string) => Promise<void>> = {
  read_back: async (t, thanks) => readBack(t, thanks),
  booking: async (t, thanks) => continueBooking(t, thanks),
  message: async (t, thanks) => {
    t.speak(thanks);
    await nextMessageStep(t);
  },
  idle: async (t, thanks) => anythingElse(t, thanks),
};

/** The name in an answer, as understanding read it (a bare "Ann Lee" after "your name?" included). */
export function answeredName(u: Understanding): string | null {
  return u.name ?? u.bareName ?? null;
}

/** The name is settled (or given up on): the result goes to the step that asked for it. */
async function afterName(t: Turn, resume: Resume | undefined): Promise<void> {
  const name = t.knownName();
  const thanks = name ? t.m('thanksName', { name: firstName(name) }) : '';
  const s = t.state;
  // A state saved before `resume` existed: infer it from the flow, as the askers would have said.
  const to = resume ?? (s.flow === 'book' ? (s.hold ? 'read_back' : 'booking') : s.flow === 'message' ? 'message' : 'idle');
  await RESUME[to](t, thanks);
}

function accept(t: Turn, name: string, resume: Resume | undefined): Promise<void> {
  t.state.name = name;
  return afterName(t, resume);
}

export async function onName(t: Turn, u: Understanding): Promise<boolean> {
  const pending = t.state.pending;
  if (!pending) return false;
  const name = answeredName(u);
  const resume = pending.resume;
  if (name) {
    if (t.lowConfidence) {
      // A misheard name ends up on the booking and in the text message: check it.
      t.clarified();
      askQuestion(t, 'confirm_name', { params: { name }, extra: { candidate: name, ...(resume ? { resume } : {}) } });
      return true;
    }
    await accept(t, name, resume);
    return true;
  }
  if (u.intent !== 'unknown' && u.intent !== 'yes' && u.intent !== 'no') return false;
  pending.attempts += 1;
  t.clarified();
  if (pending.attempts >= 2) {
    // Better to go on without a name (staff see the number) than to loop on it.
    t.state.nameSkipped = true;
    t.tell('name.skip');
    await afterName(t, resume);
    return true;
  }
  t.tell('name.missed');
  t.speak(pending.reprompt);
  return true;
}

export async function onConfirmName(t: Turn, u: Understanding): Promise<boolean> {
  const candidate = t.state.pending?.candidate ?? null;
  const resume = t.state.pending?.resume;
  if (u.name && u.name !== candidate) await accept(t, u.name, resume);
  else if (u.intent === 'yes' && candidate) await accept(t, candidate, resume);
  else if (u.intent === 'no') askName(t, resume ?? 'idle', 'name.sayAgain');
  else return false;
  return true;
}
