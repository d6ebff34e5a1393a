/**
 * Spoken numbers as digits, token by token: "three thirty" → "3 30", "twenty fourth" → "24th",
 * "five five five oh one nine nine" → "5 5 5 0 1 9 9". Numbers are not merged across tokens
 * ("three thirty" stays two numbers) because only the later extractors know whether a run is a
 * time, a phone number or a date.
 */

const ONES: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
]);

const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fourty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
  ['twentieth', 20],
  ['thirtieth', 30],
]);

/** Words after "one" that make it an hour: "one pm", "one o'clock". */
const CLOCK_WORDS = new Set(['am', 'pm', 'a.m.', 'p.m.', 'oclock', "o'clock"]);

/** "that one", "no one", "any one": "one" as a pronoun, not a number. */
const ONE_AS_PRONOUN_AFTER = new Set([
  'that',
  'this',
  'the',
  'which',
  'no',
  'any',
  'every',
  'each',
  'other',
  'another',
  'last',
  'next',
  'earlier',
  'later',
  'earliest',
  'latest',
  'middle',
  'same',
  'new',
  'good',
  'best',
  'first',
  'second',
  'third',
  '1st',
  '2nd',
  '3rd',
  '4th',
  '5th',
  'little',
  'big',
  'either',
  'a',
]);

/** "a second", "just a second", "hold on one second": time, not an ordinal. */
const SECOND_AS_DURATION_AFTER = new Set(['a', '1', 'one', 'just', 'per', 'this', 'quick']);

export function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  switch (n % 10) {
    case 1:
      return 'st';
    case 2:
      return 'nd';
    case 3:
      return 'rd';
    default:
      return 'th';
  }
}

/** Rewrites number words in `tokens` (lowercase words) as digits; returns a new array. */
export function numberWordsToDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const next = tokens[i + 1];
    const previous = out[out.length - 1];

    const tens = TENS.get(token);
    if (tens !== undefined) {
      const ones = next === undefined ? undefined : ONES.get(next);
      const ordinal = next === undefined ? undefined : ORDINALS.get(next);
      if (ones !== undefined && ones >= 1 && ones <= 9) {
        out.push(String(tens + ones));
        i++;
      } else if (ordinal !== undefined && ordinal >= 1 && ordinal <= 9) {
        out.push(`${tens + ordinal}${ordinalSuffix(tens + ordinal)}`);
        i++;
      } else {
        out.push(String(tens));
      }
      continue;
    }

    const ordinal = ORDINALS.get(token);
    if (ordinal !== undefined) {
      if (token === 'second' && previous !== undefined && SECOND_AS_DURATION_AFTER.has(previous)) out.push(token);
      else out.push(`${ordinal}${ordinalSuffix(ordinal)}`);
      continue;
    }

    if ((token === 'double' || token === 'triple') && next !== undefined) {
      const digit = ONES.get(next) ?? (next === 'oh' ? 0 : /^\d$/.test(next) ? Number(next) : undefined);
      if (digit !== undefined && digit <= 9) {
        out.push(...Array<string>(token === 'double' ? 2 : 3).fill(String(digit)));
        i++;
        continue;
      }
    }

    if (token === 'oh' || token === 'o') {
      // "ten oh five", "five five five oh one": a zero only right after a digit.
      out.push(previous !== undefined && /^\d+$/.test(previous) ? '0' : token);
      continue;
    }

    const ones = ONES.get(token);
    if (ones !== undefined) {
      // "the 2nd one" is a pick, but "January 2nd one pm" is a time.
      const clockFollows = next !== undefined && CLOCK_WORDS.has(next);
      if (token === 'one' && !clockFollows && ((previous !== undefined && ONE_AS_PRONOUN_AFTER.has(previous)) || next === 'of' || next === 'more')) {
        out.push(token);
        continue;
      }
      // "eight hundred" (a toll-free prefix), "eight hundred twenty"; "eight hundred five five…"
      // is a phone number read out, so a single digit after "hundred" stays its own number.
      if (next === 'hundred') {
        const rest = tokens[i + 2];
        const restTens = rest === undefined ? undefined : TENS.get(rest);
        if (restTens !== undefined) {
          // "eight hundred twenty" (+ "one")
          const unit = tokens[i + 3] === undefined ? undefined : ONES.get(tokens[i + 3] as string);
          if (unit !== undefined && unit >= 1 && unit <= 9) {
            out.push(String(ones * 100 + restTens + unit));
            i += 3;
          } else {
            out.push(String(ones * 100 + restTens));
            i += 2;
          }
        } else {
          out.push(String(ones * 100));
          i++;
        }
        continue;
      }
      out.push(String(ones));
      continue;
    }
    out.push(token);
  }
  return out;
}
