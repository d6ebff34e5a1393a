import { goodbye } from './closing.js';
import { offerHelp, takeTheWayOut } from './recovery.js';
import { checkAndOffer } from './slot-flow.js';
import type { Turn } from './turn.js';
import { withoutWhen } from './wish.js';

const SEARCHING = new Set(['when', 'service', 'pick_slot']);
/** Questions of a booking or a move: turns spent on them without a result count as stalled. */
const BOOKING_QUESTIONS = new Set(['when', 'service', 'pick_slot', 'confirm_slot', 'confirm_reschedule', 'offer_waitlist']);
/** The usual booking takes three caller turns; six without a result is going round in circles. */
const STALLED_TURNS = 6;

/**
 * Progress, not loops: the same question asked a third turn in a row changes strategy instead —
 * the earliest times when the caller cannot settle on a day, otherwise a person or a message.
 * Run after every turn that ends listening.
 */
export async function keepMoving(t: Turn): Promise<void> {
  const s = t.state;
  if (t.next !== 'listen' || !s.pending) {
    s.repeat = { promptId: '', times: 0 };
    return;
  }
  s.stalled = t.outcome === undefined && BOOKING_QUESTIONS.has(s.pending.kind) ? s.stalled + 1 : 0;
  if (s.stalled >= STALLED_TURNS) {
    // Alternating questions are a loop too ("isn't available" ↔ the same read-back): offer the ways out.
    s.stalled = 0;
    while (t.say.length > 0 && (t.say[t.say.length - 1] === s.pending.question || t.say[t.say.length - 1] === s.pending.reprompt)) t.say.pop();
    t.clarified();
    offerHelp(t, t.m('loop.changeTack'), ['message', 'person']);
    s.repeat = { promptId: `${s.pending?.kind}|${s.pending?.promptId}`, times: 1 };
    return;
  }
  // The same question is the same catalog sentence, even with other options in it.
  const key = `${s.pending.kind}|${s.pending.promptId}`;
  // A turn that answered or settled something made progress, whatever it asks next.
  if (key !== s.repeat.promptId || t.outcome !== undefined) {
    s.repeat = { promptId: key, times: 1 };
    return;
  }
  s.repeat.times += 1;
  if (s.repeat.times < 3) return;
  await changeStrategy(t);
  const after = s.pending;
  s.repeat = { promptId: after ? `${after.kind}|${after.promptId}` : '', times: 1 };
}

async function changeStrategy(t: Turn): Promise<void> {
  const s = t.state;
  const pending = s.pending;
  if (!pending) return;
  // Take back the question we were about to ask a third time.
  while (t.say.length > 0 && (t.say[t.say.length - 1] === pending.question || t.say[t.say.length - 1] === pending.reprompt)) t.say.pop();
  t.clarified();
  const booking = s.flow === 'book' || (s.flow === 'reschedule' && s.target !== null);
  if (booking && SEARCHING.has(pending.kind) && s.wish.serviceId && pending.promptId !== 'pick.orMessage') {
    s.wish = { ...withoutWhen(s.wish), earliest: true };
    s.offered = [];
    await checkAndOffer(t, { before: [t.m('loop.changeTack')], offerQuestion: 'pick.orMessage' });
    return;
  }
  if (pending.kind === 'offer_help' || pending.kind === 'offer_message') {
    await takeTheWayOut(t);
    return;
  }
  if (pending.kind === 'anything_else') {
    goodbye(t);
    return;
  }
  offerHelp(t, t.m('loop.changeTack'), ['message', 'person']);
}
