import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Mention } from './mentions.js';
import type { Workspace } from './workspace.js';

/**
 * Callback numbers: "555 555 0199", "(555) 555-0199", "five five five … zero one nine nine"
 * (already digits by now), "+44 20 7946 0958". Read with the practice's country as default and
 * kept when *possible* (right length), not *valid*: 555 numbers are real enough on the phone, and
 * a stale number plan must not refuse a real caller. Any run of 7+ digits is taken out of the
 * text, so its pieces are never read as times.
 */
const DIGIT_RUN = /\+?\d(?:[ -]?\d){6,}/g;

export function findPhones(work: Workspace, country: string): Mention<string>[] {
  const found: Mention<string>[] = [];
  work.scan(DIGIT_RUN, (m) => {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.replace('+', '').length > 15) return true;
    const parsed = parsePhoneNumberFromString(digits, country as CountryCode);
    if (parsed?.isPossible()) found.push({ value: parsed.number, start: m.index, end: m.index + m[0].length });
    return true;
  });
  return found;
}
