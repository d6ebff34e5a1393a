import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A caller's number in E.164, reading national formats with the practice's country as default.
 * "Possible" (right length for the country) rather than "valid": caller ID is ground truth, and
 * refusing a real caller because the number-plan metadata is stale would be worse than storing it.
 */
export function normalizePhone(raw: string, country: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), country as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}

/** Digits only, for searching "555 0199" inside stored numbers. */
export function phoneDigits(text: string): string | null {
  const digits = text.replace(/\D/g, '');
  return digits.length >= 3 ? digits : null;
}
