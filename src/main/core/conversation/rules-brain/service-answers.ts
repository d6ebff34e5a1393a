import { listWords } from '../prompts/index.js';
import type { Understanding } from '../understanding/types.js';
import { answerQuestion, answered } from './info-answers.js';
import { askQuestion, isQuestionInFlow } from './questions.js';
import { askService } from './slot-flow.js';
import type { Turn } from './turn.js';
import { lowerFirst, serviceWithArticle, tenantServiceExamples, withArticle } from './words.js';

/**
 * Two questions about what the practice sells, answered from the practice file and nothing else:
 * a service it does not offer ("do you do balayage?") is said to be one, with what it does offer;
 * a price is said only when the practice wrote one down, never guessed.
 */

/** Words never said back to a caller, whatever they asked for. */
const UNSAYABLE = /\b(?:fuck\w*|shit\w*|bitch\w*|cunt|dick|cock|pussy|ass|asshole|damn|sex\w*|porn\w*|nude\w*|naked|drugs?|weed|cocaine|kill\w*|die|suicide|puta|mierda|pendej\w*|chinga\w*|verga|culo)\b/;

/**
 * Whether the words heard for the thing asked for may be said back: short, plain words heard
 * clearly. A misheard or long phrase is not repeated ("that's not something we offer").
 */
export function safeToEcho(words: string, lowConfidence: boolean): boolean {
  const list = words.split(' ');
  return !lowConfidence && list.length <= 3 && words.length <= 32 && list.every((w) => /^[a-zñáéíóúü]{2,}$/.test(w)) && !UNSAYABLE.test(words);
}

function offeredList(t: Turn): string {
  return listWords(t.lang, tenantServiceExamples(t, t.tenant).map(lowerFirst), 'and');
}

/** "Do you do balayage?": not here; what we do offer; and the conversation goes on. */
export function notOffered(t: Turn, u: Understanding): void {
  const asked = u.askedService ?? '';
  const offered = offeredList(t);
  // "We don't offer a root canal", "…implants", "…waxing": English names a single thing with its article.
  const named = t.lang === 'en' && !/(?:s|ing)$/.test(asked) ? withArticle(asked) : asked;
  const sentence = safeToEcho(asked, t.lowConfidence) ? t.m('service.notOfferedNamed', { asked: named, offered }) : t.m('service.notOffered', { offered });
  t.outcome = 'answered';
  t.clarified();
  // Mid-booking without a service yet: ask which one instead, keeping the day they gave.
  if (t.state.flow === 'book' && t.state.wish.serviceId === null) {
    t.speak(sentence);
    askService(t, 'service.whichInstead');
    return;
  }
  // An aside in a request that is going on ("do you do nails too?"): answered, then back to it.
  if (t.state.pending && isQuestionInFlow(t.state.pending.kind)) {
    answered(t, [sentence]);
    return;
  }
  t.speak(sentence);
  t.state.flow = 'idle';
  askQuestion(t, 'anything_else', { prompt: 'service.whichOfThose' });
}

interface PriceAnswer {
  sentences: string[];
  /** A price was said for the service asked about: offer to book it. */
  named: boolean;
}

/** Whether the practice's FAQ answer is about this service ("How much is a cleaning…?" for a cleaning). */
function faqIsAbout(t: Turn, faqIndex: number, serviceId: string): boolean {
  const entry = t.tenant.faq[faqIndex];
  const service = t.tenant.services.find((s) => s.id === serviceId);
  if (!entry || !service) return false;
  const text = `${entry.question} ${entry.answer}`.toLowerCase();
  return [service.name, ...service.aliases, ...Object.values(service.names)].some((name) => name.length >= 3 && text.includes(name.toLowerCase()));
}

/** What the practice file says about the price asked for; null when its FAQ answers it better. */
function priceFromFile(t: Turn, u: Understanding): PriceAnswer | null {
  const service = t.tenant.services.find((s) => s.id === u.serviceId);
  if (service?.price) return { sentences: [t.m('price.is', { service: serviceWithArticle(t, service.id), price: service.price })], named: true };
  // The practice's own FAQ answer, when it is about prices in general or about this very service.
  if (u.faqIndex !== null && (!service || faqIsAbout(t, u.faqIndex, service.id))) return null;
  if (service) return { sentences: [t.m('price.unknownService', { service: serviceWithArticle(t, service.id) })], named: false };
  const priced = t.tenant.services.filter((s) => s.price).slice(0, 4);
  if (priced.length > 0) {
    const prices = listWords(t.lang, priced.map((s) => t.m('price.item', { service: serviceWithArticle(t, s.id), price: s.price ?? '' })), 'and');
    return { sentences: [t.m('price.list', { prices })], named: false };
  }
  return { sentences: [t.m('price.unknown')], named: false };
}

/**
 * "How much is a haircut?": the price from the practice file, or the FAQ's answer, or that the
 * team can give it; then the booking goes on, or the caller is offered a booking or a message.
 */
export async function answerPrice(t: Turn, u: Understanding): Promise<void> {
  // "How much is it?" while booking a haircut: the haircut.
  const s = t.state;
  const inContext = s.flow !== 'idle' ? (s.wish.serviceId ?? s.mentionedServiceId) : null;
  const answer = priceFromFile(t, u.serviceId === null && inContext !== null ? { ...u, serviceId: inContext } : u);
  if (answer === null) return answerQuestion(t, { ...u, intent: 'faq' });
  const pending = t.state.pending;
  if (pending && isQuestionInFlow(pending.kind)) {
    answered(t, answer.sentences);
    return;
  }
  t.outcome = 'answered';
  t.speak(...answer.sentences);
  t.state.flow = 'idle';
  if (answer.named) askQuestion(t, 'anything_else', { prompt: 'price.offerBooking' });
  else if (u.serviceId === null && t.tenant.services.some((s) => s.price)) askQuestion(t, 'anything_else');
  else askQuestion(t, 'anything_else', { prompt: 'price.messageOrBook' });
}
