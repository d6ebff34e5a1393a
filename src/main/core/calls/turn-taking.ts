/** A word as the speech recognizer heard it, with its place in the caller's audio (seconds). */
export interface HeardWord {
  word: string;
  start: number;
  end: number;
}

/** When the caller may cut the receptionist off (Pipecat's min-words, LiveKit's min-interruption-duration). */
export interface BargeInPolicy {
  /** This many real words (backchannels do not count) interrupt at once. */
  minWords: number;
  /** Fewer words interrupt when the caller has spoken this long. */
  minSpeechMs: number;
}

export const DEFAULT_BARGE_IN: BargeInPolicy = { minWords: 2, minSpeechMs: 600 };

/** What callers say to show they are listening; it must not stop the receptionist. */
const BACKCHANNELS = new Set([
  'mm', 'mhm', 'mmhmm', 'mm-hmm', 'hmm', 'uh-huh', 'uh', 'huh', 'um', 'ah', 'oh', 'okay', 'ok', 'yeah', 'yep', 'yes', 'right', 'sure', 'alright', 'got', 'it', 'i', 'see', 'cool', 'great', 'thanks',
]);

function clean(word: string): string {
  return word.toLowerCase().replace(/[^a-z'-]/g, '');
}

/** Words that carry meaning beyond "I'm listening". */
export function contentWords(words: readonly HeardWord[]): HeardWord[] {
  return words.filter((w) => {
    const c = clean(w.word);
    return c.length > 0 && !BACKCHANNELS.has(c);
  });
}

/**
 * Whether what the caller is saying while the receptionist talks is an interruption: enough real
 * words, or real words spoken long enough. "Mm-hmm", "okay", "yeah" and short noise are not.
 */
export function isInterruption(words: readonly HeardWord[], policy: BargeInPolicy): boolean {
  const content = contentWords(words);
  if (content.length === 0) return false;
  if (content.length >= policy.minWords) return true;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return (last.end - first.start) * 1000 >= policy.minSpeechMs;
}

/** Splits text into words with estimated timing, for utterances that come without word timings. */
export function wordsOf(text: string): HeardWord[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word, i) => ({ word, start: i * 0.3, end: i * 0.3 + 0.25 }));
}
