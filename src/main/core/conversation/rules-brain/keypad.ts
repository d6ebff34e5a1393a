import type { TenantConfig } from '../../../../shared/contract/index.js';
import { normalizePhone } from '../../scheduling/index.js';
import { blankUnderstanding } from '../understanding/blank-understanding.js';
import type { Understanding } from '../understanding/types.js';
import { expectationFor } from './questions.js';
import type { PendingKind } from './rules-state.js';

/**
 * Keypad digits read as an answer to the pending question: 1 / 2 for yes / no, a digit for the
 * n-th option, a long run of digits for a phone number. ("0" for a person is handled before.)
 */
export function understandDigits(digits: string, pending: PendingKind, tenant: TenantConfig): Understanding {
  // Keys are unambiguous: what they mean is certain, unlike speech.
  const u = blankUnderstanding('unknown', 1);
  if (digits.length >= 7) {
    u.phone = normalizePhone(digits, tenant.country);
    return u;
  }
  const expect = expectationFor(pending);
  if (expect === 'yes_no') {
    if (digits === '1') u.intent = 'yes';
    else if (digits === '2') u.intent = 'no';
  } else if (expect === 'choice' && /^[1-9]$/.test(digits)) {
    u.choice = Number(digits);
  }
  return u;
}
