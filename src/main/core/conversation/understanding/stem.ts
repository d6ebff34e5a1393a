/**
 * A light English stemmer for matching caller words against tenant vocabulary: "bleeding",
 * "bleeds" and "bled" all become "bleed"; "fillings" → "fill"; "teeth" → "tooth". Both sides of
 * every comparison go through it, so it only has to be consistent, not linguistically right.
 */

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['bled', 'bleed'],
  ['swollen', 'swell'],
  ['broke', 'break'],
  ['broken', 'break'],
  ['teeth', 'tooth'],
  ['children', 'child'],
  ['kids', 'kid'],
  ['hurt', 'hurt'],
  ['hurts', 'hurt'],
  ['hurting', 'hurt'],
  ['cracked', 'crack'],
  ['chipped', 'chip'],
  ['fell', 'fall'],
  ['fallen', 'fall'],
  ['lost', 'lose'],
  ['knocked', 'knock'],
  ['ached', 'ache'],
  ['aching', 'ache'],
  ['aches', 'ache'],
  ['located', 'locate'],
  ['location', 'locate'],
  ['locations', 'locate'],
  ['cost', 'cost'],
  ['costs', 'cost'],
  ['was', 'was'],
  ['has', 'has'],
  ['is', 'is'],
  ['this', 'this'],
  ['us', 'us'],
  ['yes', 'yes'],
  ['bus', 'bus'],
  ['gums', 'gum'],
]);

const cache = new Map<string, string>();

function undouble(word: string): string {
  const n = word.length;
  if (n >= 3 && word[n - 1] === word[n - 2] && !'lsz'.includes(word[n - 1] as string)) return word.slice(0, -1);
  return word;
}

function compute(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4 && word[word.length - 3] !== 'e') return undouble(word.slice(0, -2));
  if (word.endsWith('ly') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('ful') && word.length > 6) return word.slice(0, -3);
  if (/(?:ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = compute(word);
    // Callers' words repeat; bounded so a flood of unique junk cannot grow it forever.
    if (cache.size < 20_000) cache.set(word, stemmed);
  }
  return stemmed;
}
