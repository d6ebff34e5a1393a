import { stem } from './stem.js';

/**
 * The words of a (normalized, possibly masked) utterance with their stems and character spans,
 * so a vocabulary match can be reported as a span of the text and checked for negation.
 */
export interface Tokens {
  words: string[];
  stems: string[];
  starts: number[];
  ends: number[];
}

const WORD = /[a-z0-9][a-z0-9']*/g;

export function tokenize(text: string): Tokens {
  const tokens: Tokens = { words: [], stems: [], starts: [], ends: [] };
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    tokens.words.push(word);
    tokens.stems.push(stem(word));
    tokens.starts.push(m.index);
    tokens.ends.push(m.index + word.length);
  }
  return tokens;
}

/**
 * Words too common or too generic to identify a service, provider or FAQ on their own. Titles
 * ("dr", "rdh") are here too: "Dr. Lee" is matched on "lee".
 */
export const MATCH_STOPWORDS = new Set([
  'a', 'an', 'the', 'my', 'your', 'our', 'his', 'her', 'their', 'its', 'of', 'and', 'or', 'for', 'to', 'with', 'in', 'on', 'at',
  'by', 'from', 'about', 'i', 'me', 'we', 'us', 'you', 'it', 'is', 'am', 'are', 'be', 'was', 'do', 'does', 'did', 'get', 'got',
  'have', 'has', 'need', 'want', 'would', 'could', 'can', 'will', 'like', 'some', 'any', 'this', 'that', 'these', 'those', 'there',
  'dr', 'mr', 'mrs', 'ms', 'miss', 'rdh', 'dds', 'dmd', 'md', 'phd', 'np', 'pa', 'rn', 'please', 'just', 'so', 'not', 'no',
  'yes', 'what', 'how', 'where', 'when', 'who', 'which', 'why', 'if', 'up', 'out', 'one', 'also', 'too', 'very', 'more',
]);
