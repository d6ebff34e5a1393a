import type { Turn } from './turn.js';
import { firstName } from './words.js';

// Split after . ! ? but not after titles, so "Dr. Lee's office" stays one sentence.
const SENTENCE_END = /(?<!\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof))(?<=[.!?])\s+/;

/**
 * The practice's greeting with a returning caller's first name before its question:
 * "Thanks for calling Bright Smiles Dental. Hi Ann! How can I help you today?" The practice's
 * own greeting is in its default language; in any other language the catalog's greeting is used.
 * When the practice also speaks Spanish, English callers hear how to switch.
 */
export function greet(t: Turn): void {
  const own = t.lang === (t.tenant.languages[0] ?? 'en');
  const text = own ? t.tenant.greeting : t.m('greet.default', { practice: t.tenant.name });
  const sentences = text.trim().split(SENTENCE_END).filter(Boolean);
  const fallback = t.m('intent.ask');
  // A greeting without a question would leave the caller wondering whether to speak.
  if (!sentences.some((x) => x.includes('?'))) sentences.push(fallback);
  const question = sentences.pop() ?? fallback;
  const name = t.input.caller.customer?.name;
  if (name) sentences.push(t.m('greet.returning', { name: firstName(name) }));
  t.speak(sentences.join(' '));
  if (t.lang === 'en' && t.tenant.languages.includes('es')) t.tell('greet.offerSpanish');
  t.speak(question);
  t.state.pending = { kind: 'intent', promptId: 'intent.ask', question, reprompt: t.m('intent.reprompt'), attempts: 0, rechecked: false, candidate: null, choices: [] };
}

/** The caller chose the other language: say so and ask the open question again in it. */
export function switchedLanguage(t: Turn): void {
  t.tell('language.switched');
  if (t.state.pending && t.state.flow !== 'idle') {
    t.speak(t.state.pending.reprompt);
    return;
  }
  t.ask('intent', 'intent.ask', 'intent.reprompt');
}
