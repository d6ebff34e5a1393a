import type { Understanding } from '../understanding/types.js';
import { goodbye } from './closing.js';
import { speakToPerson, startMessage, transferTo } from './message-flow.js';
import type { Turn } from './turn.js';

type HelpChoice = 'message' | 'person';

/**
 * The call is not going well: offer the two ways out that always work. Without a transfer
 * number only a message is offered, so we never promise a person who is not there.
 */
export function offerHelp(t: Turn, prefix: string, order: [HelpChoice, HelpChoice]): void {
  t.speak(prefix);
  if (!t.tenant.transferNumber) {
    t.ask('offer_message', 'help.messageOnly', 'help.messageOnly.reprompt');
    return;
  }
  t.ask('offer_help', order[0] === 'message' ? 'help.messageOrPerson' : 'help.personOrMessage', 'help.reprompt', { choices: order });
}

/** Even the way out did not work: take it ourselves (a person if there is one, else a message). */
export async function takeTheWayOut(t: Turn): Promise<void> {
  if (t.tenant.transferNumber) await speakToPerson(t, 'caller could not be understood');
  else await startMessage(t);
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
    t.reask('silence.first');
    return;
  }
  if (silences === 2) {
    offerHelp(t, t.m('silence.trouble'), ['message', 'person']);
    return;
  }
  if (t.tenant.transferNumber) {
    const result = await t.run('transfer_to_staff', { reason: 'caller could not be heard' });
    if (result.ok && result.data.number) {
      t.tell('silence.transfer');
      transferTo(t, result.data.number);
      return;
    }
  }
  t.tell('silence.giveUp');
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
    await takeTheWayOut(t);
    return;
  }
  if (streak >= 2) {
    offerHelp(t, t.m('misheard.again'), ['person', 'message']);
    return;
  }
  t.reask('misheard.first');
}

function helpChoice(u: Understanding, choices: readonly HelpChoice[]): HelpChoice | null {
  if (u.intent === 'leave_message') return 'message';
  if (u.choice !== null) return choices[u.choice - 1] ?? null;
  if (u.intent === 'yes' || u.intent === 'speak_to_person') return 'person';
  if (u.intent !== 'unknown') return null;
  return u.helpChoice ?? null;
}

export async function onOfferHelp(t: Turn, u: Understanding): Promise<boolean> {
  const choices = t.state.pending?.choices ?? [];
  const chosen = helpChoice(u, choices);
  if (chosen === 'message') await startMessage(t);
  else if (chosen === 'person') await speakToPerson(t);
  else if (u.intent === 'no') {
    t.state.counters.misunderstood = 0;
    t.ask('intent', 'intent.okay', 'intent.ask');
  } else return false;
  return true;
}
