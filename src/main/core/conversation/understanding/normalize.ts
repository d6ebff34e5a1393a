import { numberWordsToDigits } from './number-words.js';

/**
 * Speech-recognizer text in one canonical shape, so every later pattern is written once:
 * lowercase, single spaces, no sentence punctuation, contractions spelled out ("i'm" → "i am",
 * "can't" → "can not"), fillers gone ("um", "uh", filler "like", "you know"), numbers as digits,
 * "p.m." → "pm", "o'clock" → "oclock". Kept: ":" and "/" between digits, "-" between digits,
 * "+" before digits, apostrophes inside names ("o'brien").
 */
export interface Normalized {
  text: string;
  /** The caller's sentence ended in "?" (the recognizer sometimes says so). */
  question: boolean;
}

const CONTRACTIONS: ReadonlyMap<string, string> = new Map([
  ["i'm", 'i am'],
  ['im', 'i am'],
  ["it's", 'it is'],
  ['its', 'it is'],
  ["that's", 'that is'],
  ['thats', 'that is'],
  ["what's", 'what is'],
  ['whats', 'what is'],
  ["where's", 'where is'],
  ['wheres', 'where is'],
  ["when's", 'when is'],
  ['whens', 'when is'],
  ["how's", 'how is'],
  ["who's", 'who is'],
  ["there's", 'there is'],
  ["here's", 'here is'],
  ["name's", 'name is'],
  ["let's", 'let us'],
  ["i'd", 'i would'],
  ["you'd", 'you would'],
  ["we'd", 'we would'],
  ["that'd", 'that would'],
  ["it'd", 'it would'],
  ["i'll", 'i will'],
  ["you'll", 'you will'],
  ["we'll", 'we will'],
  ["that'll", 'that will'],
  ["it'll", 'it will'],
  ["i've", 'i have'],
  ['ive', 'i have'],
  ["we've", 'we have'],
  ["you've", 'you have'],
  ["you're", 'you are'],
  ['youre', 'you are'],
  ["we're", 'we are'],
  ["they're", 'they are'],
  ["don't", 'do not'],
  ['dont', 'do not'],
  ["doesn't", 'does not'],
  ['doesnt', 'does not'],
  ["didn't", 'did not'],
  ['didnt', 'did not'],
  ["can't", 'can not'],
  ['cant', 'can not'],
  ['cannot', 'can not'],
  ["won't", 'will not'],
  ["isn't", 'is not'],
  ['isnt', 'is not'],
  ["aren't", 'are not'],
  ['arent', 'are not'],
  ["wasn't", 'was not'],
  ['wasnt', 'was not'],
  ["weren't", 'were not'],
  ["couldn't", 'could not'],
  ['couldnt', 'could not'],
  ["wouldn't", 'would not'],
  ['wouldnt', 'would not'],
  ["shouldn't", 'should not'],
  ["haven't", 'have not'],
  ['havent', 'have not'],
  ["hasn't", 'has not'],
  ["ain't", 'is not'],
  ["y'all", 'you all'],
  ['yall', 'you all'],
  ['gonna', 'going to'],
  ['wanna', 'want to'],
  ['gotta', 'got to'],
  ["o'clock", 'oclock'],
  ['doctor', 'dr'],
  ['tmrw', 'tomorrow'],
  ['tomorow', 'tomorrow'],
  ['tommorow', 'tomorrow'],
  ['tommorrow', 'tomorrow'],
  ['okey', 'okay'],
  ['k', 'okay'],
]);

/** Words that carry nothing anywhere. */
const FILLERS = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'erm', 'er', 'ah', 'hmm', 'hm', 'kinda', 'sorta', 'basically', 'literally', 'honestly']);
/** Words that carry nothing at the start of a sentence ("so i need…", "well i was…"). */
const LEADING_FILLERS = new Set(['so', 'well', 'oh', 'and', 'um', 'like', 'alright', 'right']);
/** "like" is a verb after these ("i would like", "do you like"), a filler elsewhere. */
const LIKE_IS_A_VERB_AFTER = new Set(['would', 'i', 'we', 'you', 'they', 'do', 'does', 'did', 'not', 'really', 'also', 'just', 'feel', 'looks', 'sounds', 'kids', 'she', 'he', 'might', 'may', 'still']);

const PUNCTUATION = /[^a-z0-9:'/+\- ]+/g;
/** ":" "/" "-" only between digits ("3:30", "12/3", "555-0199"), "+" only before one. */
const STRAY_SYMBOLS = /(?<!\d)[:/-]|[:/-](?!\d)|\+(?!\d)/g;
const QUOTES = /[\u2018\u2019\u02bc`]/g;
const SPACES = /\s+/g;
const DIACRITICS = /[\u0300-\u036f]/g;

const PHRASES: readonly [RegExp, string][] = [
  [/\b([ap])\.\s?m\b\.?/g, '$1m'],
  [/\bo\s+clock\b/g, 'oclock'],
  [/\ba\.?\s?s\.?\s?a\.?\s?p\b/g, 'asap'],
  [/\bdr\./g, 'dr'],
  [/\bmr\./g, 'mr'],
  [/\bmrs\./g, 'mrs'],
  [/\bms\./g, 'ms'],
  [/\bo\.?\s?k\.?(?=\s|$|[,!?])/g, 'okay'],
];

/** Phrases on the joined, digit-converted text. */
const LATE_PHRASES: readonly [RegExp, string][] = [
  [/\b(\d{1,2}) ?([ap]) m\b/g, '$1 $2m'],
  [/(\d)([ap]m)\b/g, '$1 $2'],
  [/(?<!\ba )\bgood (morning|afternoon|evening|day)\b/g, 'hello'],
  [/\bid (like|love|want|prefer|rather|need|be)\b/g, 'i would $1'],
  [/\bplus (?=\d)/g, '+'],
  [/\byou know\b ?/g, ''],
  [/\bkind of\b ?/g, ''],
  [/\bsort of\b ?/g, ''],
  [/\b(a|any) ?(couple|few) (of )?/g, '$2 '],
];

/** Lowercase with accents off ("José" → "jose"): how every reader here compares words. */
export function foldAccents(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(DIACRITICS, '');
}

export function normalize(raw: string): Normalized {
  const question = raw.includes('?');
  // Accents off, not the letters with them: "José" must stay a word ("jose"), not "jos".
  let text = foldAccents(raw).replace(QUOTES, "'");
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement);
  text = text.replace(PUNCTUATION, ' ').replace(STRAY_SYMBOLS, ' ');

  const words: string[] = [];
  for (let token of text.split(' ')) {
    if (token === '') continue;
    token = token.replace(/^'+|'+$/g, '');
    if (token === '') continue;
    const expanded = CONTRACTIONS.get(token);
    if (expanded !== undefined) {
      for (const w of expanded.split(' ')) words.push(w);
      continue;
    }
    // Possessives and leftovers: "tuesday's" → "tuesday"; keep "o'brien".
    if (token.endsWith("'s")) token = token.slice(0, -2);
    if (token.endsWith("n't")) {
      words.push(token.slice(0, -3), 'not');
      continue;
    }
    words.push(token);
  }

  const digits = numberWordsToDigits(words);
  const kept: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    const word = digits[i] as string;
    if (FILLERS.has(word)) continue;
    if (word === 'like') {
      const previous = kept[kept.length - 1];
      if (previous === undefined || !LIKE_IS_A_VERB_AFTER.has(previous)) continue;
    }
    kept.push(word);
  }
  // "yeah so i need…", "okay so…", "so um…": leading discourse markers.
  let start = 0;
  while (start < kept.length) {
    const first = kept[start] as string;
    const second = kept[start + 1];
    if (second === 'so' && (first === 'yeah' || first === 'yes' || first === 'okay' || first === 'ok' || first === 'alright')) start += 2;
    else if (LEADING_FILLERS.has(first) && second !== undefined) start += 1;
    else break;
  }

  text = kept.slice(start).join(' ');
  for (const [pattern, replacement] of LATE_PHRASES) text = text.replace(pattern, replacement);
  return { text: text.replace(SPACES, ' ').trim(), question };
}
