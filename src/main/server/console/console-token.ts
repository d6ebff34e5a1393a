import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per launch: only a page served by this appliance can read it (same-origin). */
export function createConsoleToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensMatch(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
