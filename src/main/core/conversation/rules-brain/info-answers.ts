import type { AskedQuestion, Understanding } from '../understanding/types.js';
import { anythingElse } from './closing.js';
import { dayHoursSentence, hoursSentences } from './hours-words.js';
import { troubleToMessage } from './message-flow.js';
import { askQuestion, isQuestionInFlow } from './questions.js';
import { serviceWithArticle } from './words.js';
import { isSystemFailure, type Turn } from './turn.js';

/** Answers an aside, then picks the request back up ("Now, what day works best for you?") or asks what else. */
export function answered(t: Turn, sentences: string[]): void {
  t.outcome = 'answered';
  const pending = t.state.pending;
  if (pending && isQuestionInFlow(pending.kind)) {
    t.speak(...sentences, pending.reprompt);
    return;
  }
  anythingElse(t, ...sentences);
}

/** Every question the caller asked in one breath ("Where are you? Is there parking?"), in order, once each. */
function askedQuestions(u: Understanding): AskedQuestion[] {
  if (u.questions && u.questions.length > 0) return u.questions;
  const kind = u.intent === 'hours' || u.intent === 'location' ? u.intent : 'faq';
  return [{ kind, faqIndex: u.faqIndex }];
}

type Answer = { ok: true; sentences: string[]; topic: string } | { ok: false; say: string; system: boolean };

async function answerOne(t: Turn, q: AskedQuestion, u: Understanding): Promise<Answer> {
  const { tenant } = t;
  // The practice's own FAQ answer wins: it says what the practice wants said (parking, the back entrance…).
  const entry = q.faqIndex !== null ? tenant.faq[q.faqIndex] : undefined;
  if (q.kind === 'hours' && !entry) {
    const sentences = u.date ? [dayHoursSentence(tenant, u.date, t.now, t.lang)] : hoursSentences(tenant, t.now, t.lang);
    return { ok: true, sentences, topic: 'hours' };
  }
  if (q.kind === 'location' && !entry && tenant.address) return { ok: true, sentences: [t.m('location.address', { address: tenant.address })], topic: 'location' };
  const topic = q.kind === 'location' && !entry ? 'location' : 'faq';
  const result = await t.run('answer_question', { faqIndex: entry ? q.faqIndex : null, topic, question: t.text.slice(0, 500) || undefined });
  if (result.ok) {
    // The router words answers it makes up itself in English; other languages use the catalog's.
    const answer = entry || t.lang === 'en' ? result.data.answer : t.m('location.unknown');
    return { ok: true, sentences: [answer], topic: q.kind === 'location' ? 'location' : (entry?.keywords[0] ?? 'other') };
  }
  return { ok: false, say: t.lang === 'en' ? result.say : t.m('faq.unknown'), system: isSystemFailure(result) };
}

/** Hours, location and the practice's FAQ: each question asked gets its answer. */
export async function answerQuestion(t: Turn, u: Understanding): Promise<void> {
  const s = t.state;
  const inFlow = s.pending !== null && isQuestionInFlow(s.pending.kind);
  const sentences: string[] = [];
  const topics: string[] = [];
  let unanswered: string | null = null;
  const seenFaq = new Set<number>();
  for (const q of askedQuestions(u)) {
    if (q.faqIndex !== null && seenFaq.has(q.faqIndex)) continue;
    if (q.faqIndex !== null) seenFaq.add(q.faqIndex);
    const answer = await answerOne(t, q, u);
    if (answer.ok) {
      for (const x of answer.sentences) if (!sentences.includes(x)) sentences.push(x);
      topics.push(answer.topic);
      continue;
    }
    if (answer.system) {
      await troubleToMessage(t, { ok: false, code: 'internal', say: answer.say });
      return;
    }
    unanswered ??= answer.say;
  }
  if (!inFlow) s.summary = t.m('summary.question', { topic: topics[0] ?? 'other' });
  if (unanswered === null) {
    // "I need a cleaning, do you take insurance?": the question is answered, and the cleaning is not
    // forgotten: the caller is asked whether to book it (a yes books that service).
    if (!inFlow && u.serviceId !== null && !u.asksPrice) {
      t.outcome = 'answered';
      t.speak(...sentences);
      s.flow = 'idle';
      askQuestion(t, 'anything_else', { prompt: 'faq.offerBooking', params: { service: serviceWithArticle(t, u.serviceId) } });
      return;
    }
    answered(t, sentences);
    return;
  }
  if (sentences.length > 0) t.outcome = 'answered';
  t.speak(...sentences, unanswered);
  t.ask('offer_message', 'faq.offerMessage', 'faq.offerMessageReprompt');
}
