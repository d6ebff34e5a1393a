import { foldAccents } from './normalize.js';
import { soundsAlike } from './similarity.js';
import type { CatalogEntry } from './tenant-vocabulary.js';
import { MATCH_STOPWORDS, tokenize } from './tokens.js';

/**
 * A request for a named thing ("do you do balayage", "can I get a root canal", "I need a perm",
 * "how much is a crown"): the frame says a service is being asked for, so the words after it are
 * the service's name as the caller (or the speech recognizer) put it. Within such a frame a name
 * may be matched loosely ("a feeling" for "a filling"); outside one, ordinary words are never
 * services. What matches no service is a service the practice does not offer.
 */

const ACTOR = '(?:you|y all|you all|you guys|the office|the practice|the clinic|the shop|the salon|dr \\w+|she|he|they|anyone|someone|anybody)';
/** What may come before a statement-question's "you do…" once the text is normalised (punctuation gone): "hi", "hey there", "ok so". */
const OPENING = '(?:(?:hi|hello|hey|there|yes|yeah|ok|okay|so|um|uh|well) )*';
const OFFERS = '(?:do|offer|provide|perform|have|carry|sell|handle|fix|repair|work on|take care of|treat|deal with|specialize in|specialise in|give|install|replace|put in)';
const REQUEST_FRAMES: readonly RegExp[] = [
  // "Do you do…", "I was wondering if you guys offer…", "you do balayage?" (also after a hello), "any chance you do…".
  new RegExp(`\\b(?:(?:do|does|can|could|will|would) ${ACTOR}|(?:if|whether|chance) ${ACTOR}|^${OPENING}${ACTOR})(?: guys)? (?:also |still |even |ever )?${OFFERS}\\b`),
  /\b(?:can|could|may) (?:i|we) (?:get|book|have|schedule|make an appointment for|get an appointment for|come in for|sign up for|also get|get in for)\b/,
  /\b(?:i|we) (?:would like|want|need|am looking for|are looking for|am interested in|was hoping for|was hoping to get|wanted|would love)(?: to (?:get|book|have|schedule|come in for|do|make an appointment for|ask about))?\b/,
  /\bbook (?:me|us)(?: in)?(?: for)?\b|\b(?:is it possible|are you able) to (?:get|do|book|have)\b|\bi am (?:calling|phoning) (?:about|for|to book|to get|to ask about)\b|\bi came (?:in )?for\b/,
  /\bhow much(?! (?:time|longer|notice|later|earlier)\b)(?: (?:is|are|does|do|would|will|for|to get|to have|to do))?\b|\bwhat (?:do|does|would|will) (?:you|y all|you guys) charge for\b|\bwhat (?:is|are) (?:the |your )?(?:price|prices|cost|costs|fee|fees|charge|rate|rates) (?:of|for|on)\b|\b(?:price|prices|cost|fee|rate) (?:of|for|on)\b|\bwhat (?:does|do|would|will)\b(?= .{1,40}\b(?:cost|costs|run|go for)\b)/,
];

/** Where the thing asked for ends: a day, a time, a person, a reason, a courtesy. */
const STOP = /^(?:on|at|for|with|by|from|in|into|around|about|before|after|until|till|tomorrow|today|tonight|next|this|these|that|those|please|and|or|but|because|if|so|then|too|also|as|there|here|sometime|soon|asap|now|cost|costs|run|go|done|again|anymore|still|like|than|to|is|are|was|be|would|will|can|could|should|you|y|me|us|it|them|maybe|perhaps|any|sir|maam|okay|ok|thanks|thank|por|para|con|en|el|la|los|las|mañana|manana|hoy|o|y)$/;
const POSSESSIVE = new Set(['my', 'our', 'his', 'her', 'their', 'mi', 'mis', 'su', 'sus']);
const LEADING = new Set(['his', 'her', 'their', 'mis', 'sus', 'a', 'an', 'the', 'some', 'my', 'our', 'your', 'any', 'another', 'one', '1', 'new', 'un', 'una', 'unos', 'unas', 'el', 'la', 'los', 'las', 'mi', 'su', 'get', 'have', 'do', 'kind', 'of', 'type', 'sort', 'like']);

/**
 * Words that make a request something other than a service: the appointment itself, a time, a
 * person, information, paperwork. "I need an appointment", "do you have anything Friday", "can I
 * get a reminder", "I'd like someone to call me" are never "a service we do not offer".
 */
const NOT_A_SERVICE = new Set(
  `appointment appointments appt appts visit visits booking bookings reservation consult consultation time times slot slots spot spots
  opening openings availability available anything something everything nothing nobody one ones it that this them those help hand
  question questions message messages person people someone somebody anyone anybody human receptionist staff desk manager owner
  dr doctor dentist hygienist stylist barber mechanic technician nurse provider price prices pricing cost costs quote estimate
  information info directions address location parking hours hour callback call number phone name minute minutes moment second sec
  reminder reminders confirmation receipt invoice bill bills refund copy record records form forms email text texts ride lift
  insurance payment payments plan discount coupon gift card way idea favor word chance change cancel cancellation reschedule there
  here today tomorrow week weeks day days morning afternoon evening night weekend weekday month year monday tuesday wednesday
  thursday friday saturday sunday january february march april may june july august september october november december
  earliest soonest first next asap same new patient patients kid kids child children son daughter wife husband family friend
  walk walkin walkins lunch water restroom bathroom wifi directions map list menu schedule calendar waitlist refill yes no
  thanks please sure okay ok hello hi bye goodbye emergency urgent pain ache better worse back home work job jobs money cash
  check card credit debit`.split(/\s+/),
);

export interface ServiceRequest {
  /** The words of the thing asked for, as understood: "root canal", "balayage". */
  words: string;
  start: number;
  end: number;
  /**
   * Said as the caller's own ("my crown", "my car"): a thing to be looked at, not a service's
   * name, so it is never "a service we do not offer" (though it may still sound like one).
   */
  owned: boolean;
}

/** The thing a request frame asks for, cut before a day, time or person, with its articles dropped. */
export function findServiceRequest(text: string, masked: string): ServiceRequest | null {
  for (const frame of REQUEST_FRAMES) {
    const m = frame.exec(text);
    if (!m) continue;
    const request = objectAfter(text, masked, m.index + m[0].length);
    if (request) return request;
  }
  return null;
}

function objectAfter(text: string, masked: string, from: number): ServiceRequest | null {
  const tokens = tokenize(text.slice(from));
  const kept: number[] = [];
  let owned = false;
  for (let i = 0; i < tokens.words.length; i++) {
    const word = tokens.words[i] as string;
    const start = from + (tokens.starts[i] as number);
    const end = from + (tokens.ends[i] as number);
    // A word another finder already understood (a service, a provider, a day, a time, a name) ends it.
    if (masked.slice(start, end) !== text.slice(start, end)) break;
    if (kept.length === 0 && LEADING.has(word)) {
      if (POSSESSIVE.has(word)) owned = true;
      continue;
    }
    if (STOP.test(word) || /\d/.test(word)) break;
    // "my teeth looked at", "a crown replaced": what is to be done to it is not its name.
    if (kept.length > 0 && /^[a-z]{3,}ed$/.test(word)) break;
    kept.push(i);
    if (kept.length > 4) return null;
  }
  if (kept.length === 0) return null;
  const words = kept.map((i) => tokens.words[i] as string);
  if (words.some((w) => NOT_A_SERVICE.has(w) || NOT_A_SERVICE.has(w.replace(/s$/, '')))) return null;
  // "to cancel", "to talk": a verb, not a thing.
  if (words.every((w) => MATCH_STOPWORDS.has(w))) return null;
  const first = kept[0] as number;
  const last = kept[kept.length - 1] as number;
  return { words: words.join(' '), start: from + (tokens.starts[first] as number), end: from + (tokens.ends[last] as number), owned };
}

const LOOSE_WORD = 0.7;

/**
 * Whether the thing asked for shares a word with one of the practice's services ("my teeth",
 * "do you do hair"): too vague to be a service, but not one the practice lacks.
 */
export function sharesServiceWord(request: ServiceRequest, services: readonly CatalogEntry[]): boolean {
  // Content words only: "de" in "extensiones de pestañas" is not "corte de pelo".
  const stems = new Set(tokenize(request.words).stems.filter((s) => s.length >= 4));
  return services.some((entry) => entry.phrases.some((phrase) => phrase.stems.some((s) => stems.has(s))));
}

/**
 * The service a request names loosely: every content word of one of its names said alike
 * ("tooth eating" → teeth cleaning, "a hair cat" → haircut, "a feeling" → filling). Only used
 * inside a request frame, where the caller is known to be naming a service.
 */
export function looseService(request: ServiceRequest, services: readonly CatalogEntry[]): string | null {
  const said = tokenize(request.words).words.filter((w) => !MATCH_STOPWORDS.has(w));
  if (said.length === 0) return null;
  let best: { id: string; score: number } | null = null;
  for (const entry of services) {
    for (const phrase of [...entry.phrases, ...entry.loneWords]) {
      const score = phraseAlike(said, phrase.words);
      if (score >= LOOSE_WORD && (best === null || score > best.score)) best = { id: entry.id, score };
    }
  }
  return best?.id ?? null;
}

/** How alike the words said are to a name's words, one for one (or the two run together: "hair cat" ~ "haircut"). */
function phraseAlike(said: readonly string[], name: readonly string[]): number {
  if (name.length === 0) return 0;
  if (said.length === name.length) {
    let min = 1;
    for (let i = 0; i < said.length; i++) min = Math.min(min, soundsAlike(said[i] as string, name[i] as string));
    return min;
  }
  return soundsAlike(said.join(''), name.join(''));
}

/** "How much is…", "what do you charge", "prices": the caller asks what something costs. */
const PRICE = /\bhow much\b(?! (?:time|longer|notice|later|earlier|sooner)\b)|\b(?:price|prices|pricing|cost|costs|fee|fees|rates)\b|\bwhat (?:do|does|would|will) (?:you|y all|you guys|it) charge\b|\bcharge for\b/;

export function asksPrice(text: string): boolean {
  return PRICE.test(text);
}

const SAID_WORD = /[\p{L}\p{N}']+/gu;

/** The words as the caller said them, accents kept ("pestañas", not "pestanas"), lowercase. */
export function wordsAsSaid(words: string, said: string): string {
  const wanted = words.split(' ');
  const raw = [...said.matchAll(SAID_WORD)].map((m) => m[0].toLowerCase());
  for (let i = 0; i + wanted.length <= raw.length; i++) {
    if (wanted.every((w, k) => foldAccents(raw[i + k] as string) === w)) return raw.slice(i, i + wanted.length).join(' ');
  }
  return words;
}
