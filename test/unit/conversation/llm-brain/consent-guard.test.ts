import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ConsentMissing, requireConsent, type ConsentTarget } from '../../../../src/main/core/conversation/actions/consent-guard.js';
import type { HeardLine } from '../../../../src/main/core/conversation/actions/ports.js';
import { tenantConfigSchema } from '../../../../src/shared/contract/index.js';

const tenant = tenantConfigSchema.parse(JSON.parse(readFileSync(new URL('../../../../resources/demo-practice.json', import.meta.url), 'utf8')));
const NOW = Date.parse('2026-11-23T14:00:00Z');
const at = (local: string) => DateTime.fromISO(local, { zone: tenant.timezone }).toMillis();
const BOOK: ConsentTarget = { action: 'book_appointment', providerId: 'maria', start: at('2026-11-24T15:00') };
const r = (text: string): HeardLine => ({ speaker: 'receptionist', text });
const c = (text: string): HeardLine => ({ speaker: 'caller', text });

function check(lines: HeardLine[], callerSaid: string | null | undefined, target: ConsentTarget = BOOK): string {
  const context = { tenant, callId: 'call-1', callerPhone: null, turn: 3, ...(callerSaid !== undefined ? { callerSaid } : {}) };
  try {
    requireConsent(target, context, { heard: () => lines }, NOW);
    return 'ok';
  } catch (error) {
    if (error instanceof ConsentMissing) return error.reason;
    throw error;
  }
}

const READ_BACK = r('Tuesday, November 24th at 3 PM with Maria Gomez for a teeth cleaning. Shall I book it?');

describe('the consent guard: read back the exact slot, then a yes in a later turn', () => {
  it('allows a booking after the read-back and a yes this turn, or a yes in an earlier turn', () => {
    expect(check([READ_BACK], 'yes please')).toBe('ok');
    expect(check([READ_BACK, c('yes'), r('And your name?')], 'Ann Lee')).toBe('ok');
    expect(check([READ_BACK], '(pressed 1)')).toBe('ok');
  });

  it('refuses without a read-back, with only an offer of several times, or a read-back of another slot', () => {
    expect(check([], 'yes')).toBe('no_read_back');
    expect(check([r('I have Tuesday, November 24 at 3 PM or 4 PM. Which works?')], 'yes')).toBe('no_read_back');
    expect(check([r('Tuesday, November 24th at 3 PM with Dr. Raj Patel. Shall I book it?')], 'yes')).toBe('no_read_back');
    expect(check([r('Wednesday, November 25th at 3 PM with Maria. Shall I book it?')], 'yes')).toBe('no_read_back');
    // A read-back the caller said, not the receptionist, is no read-back.
    expect(check([c('Tuesday, November 24th at 3 PM with Maria, book it')], 'yes')).toBe('no_read_back');
  });

  it('refuses without a yes after the read-back, or when the caller took it back', () => {
    expect(check([READ_BACK], 'hmm, let me think')).toBe('no_yes');
    expect(check([c('yes'), READ_BACK], null)).toBe('no_yes');
    expect(check([READ_BACK, c('yes')], 'no wait, not that one')).toBe('no_yes');
    expect(check([READ_BACK], '(pressed 2)')).toBe('no_yes');
  });

  it('refuses outright when the caller\'s words this turn are unknown (the router used outside a call turn)', () => {
    expect(check([READ_BACK, c('yes')], undefined)).toBe('caller_unknown');
  });

  it('reads a move back from the old time to the new one', () => {
    const move: ConsentTarget = { action: 'reschedule_appointment', providerId: 'maria', start: at('2026-11-27T15:00'), from: at('2026-11-24T09:00') };
    expect(check([r("I'll move your teeth cleaning from tomorrow at 9 AM to Friday, November 27th at 3 PM. Is that right?")], 'yes', move)).toBe('ok');
    expect(check([r("I'll move your teeth cleaning from tomorrow at 10 AM to Friday, November 27th at 3 PM. Is that right?")], 'yes', move)).toBe('no_read_back');
  });

  it('reads back a cancellation', () => {
    const cancel: ConsentTarget = { action: 'cancel_appointment', providerId: 'maria', start: at('2026-11-24T15:00') };
    expect(check([r('I see your teeth cleaning on Tuesday, November 24th at 3 PM. Do you want to cancel it?')], 'yes, cancel it', cancel)).toBe('ok');
    expect(check([r('I see your teeth cleaning on Tuesday, November 24th at 3 PM. Do you want to cancel it?')], 'no', cancel)).toBe('no_yes');
  });
});
