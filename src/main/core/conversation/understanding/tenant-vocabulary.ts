import type { TenantConfig } from '../../../../shared/contract/index.js';
import { normalize } from './normalize.js';
import { MATCH_STOPWORDS, tokenize } from './tokens.js';

/** A name or alias as the words to look for: stems for matching, words for fuzzy comparison. */
export interface Phrase {
  stems: string[];
  words: string[];
}

export interface CatalogEntry {
  id: string;
  phrases: Phrase[];
  /**
   * Single words that identify the entry alone: a provider's first or last name ("Patel" for
   * "Dr. Raj Patel"), or a word of a service's name no other service shares.
   */
  loneWords: Phrase[];
}

export interface FaqVocabulary {
  keywords: Phrase[];
  /** Content stems of the question ("take", "insurance"). */
  questionStems: Set<string>;
}

export interface EmergencyVocabulary {
  keyword: string;
  stems: string[];
}

export interface TenantVocabulary {
  services: CatalogEntry[];
  providers: CatalogEntry[];
  faq: FaqVocabulary[];
  emergency: EmergencyVocabulary[];
}

/**
 * Everyday words that name a service only next to its other words: "change" in "oil change" must
 * not make "I need to change my appointment" an oil change, nor "check" in "brake check" make
 * "can you check…" a brake job.
 */
const EVERYDAY_WORDS = new Set([
  'check', 'checks', 'change', 'changes', 'about', 'after', 'before', 'again', 'light', 'lights', 'quick', 'touch', 'repair', 'repairs',
  'fix', 'fixes', 'work', 'works', 'job', 'jobs', 'test', 'tests', 'session', 'package', 'special', 'deluxe', 'premium', 'express',
  'simple', 'small', 'large', 'extra', 'other', 'first', 'second', 'third', 'today', 'time', 'times', 'thing', 'things', 'place',
  'cambio', 'revisar', 'trabajo', 'prueba',
]);

/** Words of a service name too generic to pick one service out ("teeth", "dental", "visit"). */
const GENERIC_SERVICE_WORDS = new Set([
  'tooth', 'dental', 'dentist', 'appointment', 'visit', 'service', 'session', 'treatment', 'care', 'general', 'regular', 'routine',
  'new', 'patient', 'adult', 'child', 'kid', 'basic', 'standard', 'full', 'quick', 'short', 'long', 'minute', 'hour', 'follow',
]);

/** Question words that say nothing about which FAQ is meant. */
const QUESTION_STOPWORDS = new Set(['do', 'does', 'you', 'what', 'how', 'where', 'when', 'is', 'are', 'can', 'will', 'your', 'without', 'with', 'much', 'many', 'take', 'see', 'offer', 'have']);

function phraseOf(text: string, stopwords: ReadonlySet<string> = MATCH_STOPWORDS): Phrase {
  const tokens = tokenize(normalize(text).text);
  const stems: string[] = [];
  const words: string[] = [];
  tokens.stems.forEach((s, i) => {
    const word = tokens.words[i] as string;
    if (stopwords.has(word)) return;
    stems.push(s);
    words.push(word);
  });
  return { stems, words };
}

function samePhrase(a: Phrase, b: Phrase): boolean {
  return a.stems.join(' ') === b.stems.join(' ');
}

function uniquePhrases(phrases: Phrase[]): Phrase[] {
  const out: Phrase[] = [];
  for (const p of phrases) if (p.stems.length > 0 && !out.some((q) => samePhrase(p, q))) out.push(p);
  return out;
}

function build(tenant: TenantConfig): TenantVocabulary {
  const providers: CatalogEntry[] = tenant.providers.map((p) => {
    const phrases = uniquePhrases([p.name, ...p.aliases].map((t) => phraseOf(t)));
    const lone: Phrase[] = [];
    for (const phrase of phrases) {
      phrase.stems.forEach((s, i) => {
        if (s.length >= 3 && !lone.some((l) => l.stems[0] === s)) lone.push({ stems: [s], words: [phrase.words[i] as string] });
      });
    }
    return { id: p.id, phrases, loneWords: lone };
  });

  const servicePhrases = tenant.services.map((s) => uniquePhrases([s.name, ...s.aliases, s.id.replace(/-/g, ' ')].map((t) => phraseOf(t))));
  const owners = new Map<string, Set<number>>();
  servicePhrases.forEach((phrases, i) => {
    for (const p of phrases) for (const s of p.stems) (owners.get(s) ?? owners.set(s, new Set()).get(s))?.add(i);
  });
  const services: CatalogEntry[] = tenant.services.map((s, i) => {
    const phrases = servicePhrases[i] as Phrase[];
    const lone: Phrase[] = [];
    for (const phrase of phrases) {
      phrase.stems.forEach((st, k) => {
        if (st.length >= 5 && !GENERIC_SERVICE_WORDS.has(st) && !EVERYDAY_WORDS.has(phrase.words[k] as string) && owners.get(st)?.size === 1 && !lone.some((l) => l.stems[0] === st)) {
          lone.push({ stems: [st], words: [phrase.words[k] as string] });
        }
      });
    }
    return { id: s.id, phrases, loneWords: lone };
  });

  const faq: FaqVocabulary[] = tenant.faq.map((entry) => {
    // Keywords keep their small words: "how much" is a keyword.
    const keywords = uniquePhrases(entry.keywords.map((k) => phraseOf(k, new Set())));
    const question = phraseOf(entry.question, new Set([...MATCH_STOPWORDS, ...QUESTION_STOPWORDS]));
    return { keywords, questionStems: new Set(question.stems) };
  });

  const emergency: EmergencyVocabulary[] = tenant.review.emergencyKeywords
    .map((keyword) => ({ keyword, stems: phraseOf(keyword, new Set(['a', 'an', 'the', 'my', 'of'])).stems }))
    .filter((e) => e.stems.length > 0);

  return { services, providers, faq, emergency };
}

const cache = new WeakMap<TenantConfig, TenantVocabulary>();

/** The tenant's words, built once per tenant object (a changed config is a new object). */
export function vocabularyOf(tenant: TenantConfig): TenantVocabulary {
  let vocabulary = cache.get(tenant);
  if (vocabulary === undefined) {
    vocabulary = build(tenant);
    cache.set(tenant, vocabulary);
  }
  return vocabulary;
}
