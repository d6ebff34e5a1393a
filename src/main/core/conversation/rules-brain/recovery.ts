import type { Understanding } from '../understanding/types.js';
import { goodbye } from './closing.js';
import { speakToPerson, startMessage, transferTo } from './message-flow.js';
import type { Turn } from './turn.js';

type HelpChoice = 'message' | 'person';

const SAY_CHOICE: Record<HelpChoice, string> = { message: 'take a message', person: 'put you through to the front desk' };

/**
 * The call is not going well: offer the two ways out that always work. Without a transfer
 * number only a message is offered, so we never promise a person who is not there.
 */
export function offerHelp(t: Turn, prefix: string, order: [HelpChoice, HelpChoice]): void {
  if (!t.tenant.transferNumber) {
    t.ask('offer_message', `${prefix} I can take a message and have someone call you back. Would you like that?`, 'Would you like to leave a message for the team? Please say yes or no.');
    return;
  }
  const question =
    order[0] === 'message'
      ? `${prefix} I can ${SAY_CHOICE.message} or ${SAY_CHOICE.person}. Which would you prefer?`
      : `${prefix} Would you like me to ${SAY_CHOICE.person}, or ${SAY_CHOICE.message}?`;
  t.ask('offer_help', question, 'Would you like to leave a message, or speak to someone at the front desk?', { choices: order });
}

/** Silence: re-ask once, then offer a way out, then end the call politely. */
export async function onSilence(t: Turn): Promise<void> {
  const s = t.state;
  s.counters.noInput += 1;
  const silences = s.counters.noInput;
  if (t.pendingKind === 'anything_else' && silences >= 2) {
    // Silence after "anything else?" usually means they are done.
    goodbye(t);
    return;
  }
  if (silences === 1) {
    t.reask("Sorry, I didn't hear anything.");
    return;
  }
  if (silences === 2) {
    offerHelp(t, "I'm having trouble hearing you.", ['message', 'person']);
    return;
  }
  if (t.tenant.transferNumber) {
    const result = await t.run('transfer_to_staff', { reason: 'caller could not be heard' });
    if (result.ok && result.data.number) {
      t.speak("I still can't hear you, so I'll put you through to the front desk.");
      transferTo(t, result.data.number);
      return;
    }
  }
  t.speak("I'm sorry, I still can't hear you. Please call us back any time.");
  t.outcome = 'abandoned';
  goodbye(t);
}

/** An utterance we could not use: re-ask once, then offer a person or a message. */
export async function misunderstood(t: Turn): Promise<void> {
  const s = t.state;
  t.understood = false;
  t.clarified();
  s.counters.misunderstood += 1;
  const streak = s.counters.misunderstood;
  const offering = t.pendingKind === 'offer_help' || t.pendingKind === 'offer_message';
  if (offering && streak >= 3) {
    // Even the way out was not understood: take the way out ourselves.
    if (t.tenant.transferNumber) await speakToPerson(t, 'caller could not be understood');
    else await startMessage(t);
    return;
  }
  if (streak >= 2) {
    offerHelp(t, "Sorry, I'm not getting that.", ['person', 'message']);
    return;
  }
  t.reask("Sorry, I didn't quite catch that.");
}

// A bare "message" or "a person" is the whole answer to "message or front desk?".
const SAYS_MESSAGE = /\bmessage\b/i;
const SAYS_PERSON = /\b(desk|person|someone|somebody|human|staff|receptionist|through)\b/i;

function helpChoice(t: Turn, u: Understanding, choices: readonly HelpChoice[]): HelpChoice | null {
  if (u.intent === 'leave_message') return 'message';
  if (u.choice !== null) return choices[u.choice - 1] ?? null;
  if (u.intent === 'yes') return 'person';
  if (u.intent !== 'unknown') return null;
  if (SAYS_MESSAGE.test(t.text)) return 'message';
  return SAYS_PERSON.test(t.text) ? 'person' : null;
}

export async function onOfferHelp(t: Turn, u: Understanding): Promise<boolean> {
  const choices = t.state.pending?.choices ?? [];
  const chosen = helpChoice(t, u, choices);
  if (chosen === 'message') await startMessage(t);
  else if (chosen === 'person') await speakToPerson(t);
  else if (u.intent === 'no') {
    t.state.counters.misunderstood = 0;
    t.ask('intent', 'Okay. What can I help you with?', 'How can I help you today?');
  } else return false;
  return true;
}
