import type { Turn } from './turn.js';
import { firstName } from './words.js';

// Split after . ! ? but not after titles, so "Dr. Lee's office" stays one sentence.
const SENTENCE_END = /(?<!\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof))(?<=[.!?])\s+/;
const DEFAULT_QUESTION = 'How can I help you today?';

/**
 * The tenant's greeting, as written, with a returning caller's first name before its question:
 * "Thanks for calling Bright Smiles Dental. Hi Ann! How can I help you today?"
 */
export function greet(t: Turn): void {
  const sentences = t.tenant.greeting.trim().split(SENTENCE_END).filter(Boolean);
  // A greeting without a question would leave the caller wondering whether to speak.
  if (!sentences.some((x) => x.includes('?'))) sentences.push(DEFAULT_QUESTION);
  const question = sentences.pop() ?? DEFAULT_QUESTION;
  const name = t.input.caller.customer?.name;
  if (name) sentences.push(`Hi ${firstName(name)}!`);
  t.speak(sentences.join(' '));
  t.ask('intent', question, 'How can I help you today? You can book, change or cancel an appointment, or ask a question.');
}
