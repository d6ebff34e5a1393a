import type { Understanding } from '../understanding/types.js';
import { anythingElse } from './closing.js';
import { hoursSentences } from './hours-words.js';
import { troubleToMessage } from './message-flow.js';
import type { PendingKind } from './rules-state.js';
import { isSystemFailure, type Turn } from './turn.js';

/** Questions that belong to a request in progress: after answering an aside, we ask them again. */
const NOT_IN_FLOW: ReadonlySet<PendingKind> = new Set(['intent', 'anything_else', 'offer_help', 'offer_message']);

/** Answers an aside, then picks the request back up ("Now, what day works best for you?") or asks what else. */
function answered(t: Turn, sentences: string[]): void {
  t.outcome = 'answered';
  const pending = t.state.pending;
  if (pending && !NOT_IN_FLOW.has(pending.kind)) {
    t.speak(...sentences, pending.reprompt);
    return;
  }
  anythingElse(t, ...sentences);
}

/** Hours, location and the practice's FAQ. */
export async function answerQuestion(t: Turn, u: Understanding): Promise<void> {
  const s = t.state;
  const inFlow = s.pending !== null && !NOT_IN_FLOW.has(s.pending.kind);
  if (u.intent === 'hours') {
    if (!inFlow) s.summary = 'question: hours';
    answered(t, hoursSentences(t.tenant, t.now));
    return;
  }
  if (u.intent === 'location' && t.tenant.address) {
    if (!inFlow) s.summary = 'question: location';
    answered(t, [`We're at ${t.tenant.address}.`]);
    return;
  }
  const topic = u.intent === 'location' ? 'location' : 'faq';
  const entry = u.faqIndex !== null ? t.tenant.faq[u.faqIndex] : undefined;
  if (!inFlow) s.summary = `question: ${topic === 'location' ? 'location' : (entry?.keywords[0] ?? 'other')}`;
  const result = await t.run('answer_question', { faqIndex: u.faqIndex, topic, question: t.text.slice(0, 500) || undefined });
  if (result.ok) {
    answered(t, [result.data.answer]);
    return;
  }
  if (isSystemFailure(result)) {
    await troubleToMessage(t, result);
    return;
  }
  t.speak(result.say);
  t.ask('offer_message', 'Would you like to leave a message for the team?', 'Would you like to leave a message so someone can get back to you? Please say yes or no.');
}
