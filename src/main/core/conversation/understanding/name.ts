import type { Mention } from './mentions.js';
import type { Expectation } from './types.js';
import { foldAccents } from './normalize.js';
import type { Workspace } from './workspace.js';

/**
 * The caller's own name: "my name is John Smith", "this is Ann Lee", "it's Maria Garcia calling",
 * "name's Bob", "I'm Sarah Jones", "John Smith here". After "my name is" nearly any words are a
 * name; after the weaker "I'm" / "this is" / "it's" the words must look like a name (not "I'm
 * calling to…", "this is about…", "it's urgent"). With `expect: 'name'` a short answer of one to
 * three name-like words is the name. Title-cased on the way out ("o'brien" → "O'Brien").
 */

const MAX_WORDS = 3;
/** A bare answer to "what name?" may be longer: "Ana María Torres López". */
const MAX_ANSWER_WORDS = 4;
/**
 * The small words inside many family names ("María de los Ángeles de la Cruz", "Ludwig van
 * Beethoven", "João dos Santos"): taken inside a name (or first, as in "De Luca"), never at its
 * end, and not counted among its words. Lower case inside the name, as they are written.
 */
const PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'las', 'le', 'los', 'van', 'von', 'der', 'den', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'y']);
/** "my name is not…": never a name even after the strongest trigger. */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'not', 'is', 'and', 'my', 'your', 'this', 'that', 'it', 'for', 'to', 'of', 'in', 'on', 'at', 'so']);

/** Words that are not (the start of) a name, whatever follows "I'm" or "this is". */
const NOT_NAMES = new Set(
  `a an the my your his her our their this that these those it its i me you he she we they who what when where why how which
  is am are was were be been being do does did have has had will would can could should may might must shall not no yes yeah yep
  yup nope ok okay sure fine good great well very really just so also too still already only even about for from with without to
  of in on at by as into onto over under out up down off back here there now then again soon later early late today tomorrow
  tonight yesterday morning afternoon evening night noon week weekend month year calling looking trying wondering hoping
  interested new patient returning existing regular free available busy open closed sorry afraid glad happy able unable ready
  done going gonna gotta supposed due allergic pregnant scared nervous worried concerned confused sick ill hurt hurting bleeding
  swelling pain painful urgent emergency fine alright right correct wrong sure thanks thank please hello hi hey bye goodbye
  appointment appointments booking booked book schedule scheduled reschedule cancel cancelling canceling calling call calls
  message voicemail question questions number phone cell mobile home work office dentist dr doctor hygienist nurse receptionist
  mom mother dad father son daughter wife husband child kid kids children parent friend someone somebody anyone anybody everyone
  nobody nothing something anything everything one two three four five six seven eight nine ten just only monday tuesday
  wednesday thursday friday saturday sunday january february march july september october november december
  cleaning exam checkup filling whitening insurance there all set in interested sure positive certain sorry running stuck
  outside inside home away abroad traveling travelling visiting moving new old young little big bit lot more most less least
  and or but if because since until unless though although whether either neither both each every any some many much few
  several such own same other another next last first second third mister miss mrs mr ms the calling speaking here`.split(/\s+/),
);

/** After these a name may follow: name-likeness is still checked for the weak ones. */
const STRONG_TRIGGER = /\b(?:my (?:full |first |last )?name is|(?:the )?name is|names is|my names|you can call me|call me|this is (?=(?:[a-z'-]+ ){1,3}(?:calling|speaking|here)\b)|it is (?=(?:[a-z'-]+ ){1,3}(?:calling|speaking|here)\b))\s+/g;
const WEAK_TRIGGER = /\b(?:this is|it is|i am|here is|speaking with|with you is)\s+/g;
const NAME_HERE = /^(?:(?:hi|hello|hey|yes|yeah)\s+)?([a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}) (?:here|speaking)\b/;
const NOT_AFTER_CALL_ME = /^(?:back|at|on|tomorrow|today|later|when|if|after|before|anytime|any time|about|with|please|\d)/;
/** What may surround a bare name answer: "um, John Smith, thanks". */
const ANSWER_FILLER = /^(?:(?:yes|yeah|sure|okay|ok|it is|this is|i am|name is|my name is|its|that is|oh|hi|hello|no|i said)\s+)+|(?:\s+(?:thanks|thank you|please|here|speaking|calling))+$/g;

export function titleCase(name: string): string {
  return name
    .split(' ')
    .map((word, i) =>
      i > 0 && PARTICLES.has(word)
        ? word
        : word
        .split(/(['-])/)
        .map((part, i, parts) => (part === "'" || part === '-' || (i > 0 && parts[i - 1] === "'" && part.length <= 1) ? part : part.charAt(0).toUpperCase() + part.slice(1)))
        .join(''),
    )
    .join(' ');
}

function nameLike(word: string): boolean {
  return /^[a-z][a-z'-]*$/.test(word) && word.length >= 2 && !NOT_NAMES.has(word);
}

/**
 * A whole answer that is a name: name-like words with particles among them ("De Luca" and "Van
 * Dyke" start with one), never ending on one, at most `max` words besides the particles.
 */
function isName(words: readonly string[], max: number): boolean {
  if (words.length === 0 || PARTICLES.has(words.at(-1) as string)) return false;
  if (!words.every((w) => nameLike(w) || PARTICLES.has(w))) return false;
  const named = words.filter((w) => !PARTICLES.has(w)).length;
  return named > 0 && named <= max;
}

/** Up to three name-like words from `at` (with any particles between them); stops at the first word that is not. */
function wordsFrom(text: string, at: number, strict: boolean): { name: string; end: number } | null {
  const rest = text.slice(at);
  const words = rest.split(' ');
  const taken: string[] = [];
  let named = 0;
  for (const word of words) {
    if (named === MAX_WORDS) break;
    if (!/^[a-z][a-z'-]*$/.test(word)) break;
    if (taken.length > 0 && PARTICLES.has(word)) {
      taken.push(word);
      continue;
    }
    if (NOT_NAMES.has(word) && (strict || taken.length > 0 || word.length < 2)) break;
    if (!strict && taken.length === 0 && /(?:ing|ed)$/.test(word)) return null;
    taken.push(word);
    named++;
  }
  // "this is Tom de…": a name ends on a name, not on a particle.
  while (taken.length > 0 && PARTICLES.has(taken.at(-1) as string)) taken.pop();
  if (taken.length === 0) return null;
  const name = taken.join(' ');
  return { name, end: at + name.length };
}

export function findName(work: Workspace, expect: Expectation | null): Mention<string> | null {
  const text = work.text;
  for (const m of text.matchAll(STRONG_TRIGGER)) {
    const at = m.index + m[0].length;
    if (/call me\s+$/.test(m[0]) && NOT_AFTER_CALL_ME.test(text.slice(at))) continue;
    const found = wordsFrom(text, at, false);
    if (found && !FUNCTION_WORDS.has(found.name.split(' ')[0] as string)) return { value: titleCase(found.name), start: at, end: found.end };
  }
  const here = NAME_HERE.exec(text)?.[1];
  if (here !== undefined && isName(here.split(' '), MAX_WORDS)) {
    const start = text.indexOf(here);
    return { value: titleCase(here), start, end: start + here.length };
  }
  for (const m of text.matchAll(WEAK_TRIGGER)) {
    const at = m.index + m[0].length;
    const found = wordsFrom(text, at, true);
    if (found) return { value: titleCase(found.name), start: at, end: found.end };
  }
  if (expect === 'name') {
    const answer = work.masked.replace(/\s+/g, ' ').trim().replace(ANSWER_FILLER, '').trim();
    if (answer !== '' && isName(answer.split(' '), MAX_ANSWER_WORDS)) {
      const start = text.indexOf(answer);
      return { value: titleCase(answer), start: Math.max(0, start), end: Math.max(0, start) + answer.length };
    }
  }
  return null;
}

/** A word the caller said, with where it starts and ends in what they said. */
const SAID_WORD = /[^\s,.!?¿¡;:"()-]+/g;

/** The caller's word as written when it is capitalized with mixed case ("McDonald"); else in the case pattern of `cased`. */
function withCaseOf(found: string, cased: string): string {
  if (/^\p{Lu}/u.test(found) && found !== found.toUpperCase()) return found;
  if ([...found].length !== [...cased].length) return found.charAt(0).toUpperCase() + found.slice(1);
  const pattern = [...cased];
  return [...found].map((c, i) => (pattern[i] === pattern[i]?.toLowerCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

/**
 * A name found in the normalized text, spelled as the caller's words had it: the normalizer folds
 * accents ("López" → "lopez") and splits hyphens ("Jean-Luc" → "jean luc") to match phrasings, but
 * the name on the booking is the caller's: "Ana López", "Jean-Luc Picard", title-cased as `name` is.
 */
export function spelledAsSaid(name: string, said: string): string {
  const wanted = name.split(/[\s-]+/);
  const words = [...said.matchAll(SAID_WORD)];
  for (let i = 0; i + wanted.length <= words.length; i++) {
    const run = words.slice(i, i + wanted.length);
    if (!run.every((w, k) => foldAccents(w[0]) === foldAccents(wanted[k] as string))) continue;
    return run
      .map((w, k) => {
        const next = run[k + 1];
        const between = next ? said.slice((w.index ?? 0) + w[0].length, next.index) : '';
        return withCaseOf(w[0], wanted[k] as string) + (next ? (between.trim() === '-' ? '-' : ' ') : '');
      })
      .join('');
  }
  return name;
}
