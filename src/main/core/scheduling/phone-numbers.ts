import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Countries where people give a 7-digit local number and mean their own area code. */
const LOCAL_DIALLING = new Set(['US', 'CA']);

/**
 * A caller's number in E.164, reading national formats with the practice's country as default.
 * "Possible" (right length for the country) rather than "valid": caller ID is ground truth, and
 * refusing a real caller because the number-plan metadata is stale would be worse than storing it.
 * A 7-digit local number ("555-0210") takes the area code of the practice's own number, the way
 * the person at the desk means it.
 */
export function normalizePhone(raw: string, country: string, practiceNumbers: readonly string[] = []): string | null {
  // Parsing with the number-plan metadata costs a fraction of a millisecond, and a call asks for
  // its caller's number at every booking step: recent answers are kept.
  const key = `${country}|${raw}|${practiceNumbers.join(',')}`;
  const known = normalized.get(key);
  if (known !== undefined) return known;
  const found = parsePhone(raw, country, practiceNumbers);
  if (normalized.size >= NORMALIZED_KEPT) normalized.delete(normalized.keys().next().value!);
  normalized.set(key, found);
  return found;
}

const NORMALIZED_KEPT = 2000;
const normalized = new Map<string, string | null>();

function parsePhone(raw: string, country: string, practiceNumbers: readonly string[]): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), country as CountryCode);
  if (parsed?.isPossible()) return parsed.number;
  const digits = raw.replace(/\D/g, '');
  const own = practiceNumbers.map((n) => parsePhoneNumberFromString(n)).find((n) => n?.country === country || n?.countryCallingCode === '1');
  if (digits.length === 7 && LOCAL_DIALLING.has(country) && own) {
    const local = parsePhoneNumberFromString(`${String(own.nationalNumber).slice(0, 3)}${digits}`, country as CountryCode);
    if (local?.isPossible()) return local.number;
  }
  return null;
}

/** How a number is written in the practice's country, for hints: "(555) 555-0100". */
export function examplePhone(country: string, practiceNumbers: readonly string[]): string {
  const own = practiceNumbers.map((n) => parsePhoneNumberFromString(n)).find(Boolean);
  if (own && own.country === country) return own.formatNational();
  return own ? own.formatInternational() : '+1 555 555 0123';
}

/** Digits only, for searching "555 0199" inside stored numbers. */
export function phoneDigits(text: string): string | null {
  const digits = text.replace(/\D/g, '');
  return digits.length >= 3 ? digits : null;
}
