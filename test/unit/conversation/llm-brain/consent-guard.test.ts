import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ConsentMissing, requireConsent, type ConsentTarget } from '../../../../src/main/core/conversation/actions/consent-guard.js';
import type { SpokenLine as HeardLine } from '../../../../src/main/core/conversation/actions/ports.js';
import { message, spokenTime } from '../../../../src/main/core/conversation/index.js';
import { understand, type UnderstandContext } from '../../../../src/main/core/conversation/understanding/index.js';
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
    // Naming another time is no yes to this one.
    expect(check([READ_BACK], 'Tuesday at 4 PM')).toBe('no_yes');
  });

  it('takes the caller naming the read-back slot themselves as a yes', () => {
    expect(check([READ_BACK], 'Tuesday the 24th at 3 p.m.')).toBe('ok');
    expect(check([READ_BACK], 'no, not Tuesday at 3 PM')).toBe('no_yes');
  });

  it('takes the slot in the caller\'s own words as a yes: "tomorrow at three in the afternoon", "3 o\'clock", "this Tuesday at 3"', () => {
    const asked = [READ_BACK, c('sorry, what are your hours again?'), r("We're open 8 AM to 5 PM. Shall I book a teeth cleaning on Tuesday, November 24th at 3 PM for you?")];
    expect(check(asked, 'tomorrow at three in the afternoon')).toBe('ok');
    expect(check([READ_BACK], "3 o'clock")).toBe('ok');
    expect(check([READ_BACK], 'this Tuesday at 3')).toBe('ok');
    expect(check([READ_BACK], 'Wednesday at 3')).toBe('no_yes');
    expect(check([READ_BACK], 'tomorrow at 4')).toBe('no_yes');
    expect(check([READ_BACK], 'not 3, something later')).toBe('no_yes');
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

  it('accepts the rules receptionist\'s own read-backs from the prompt catalog, in English and in Spanish, and a Spanish sí', () => {
    const dec1 = at('2026-12-01T15:00');
    const target: ConsentTarget = { action: 'book_appointment', providerId: 'maria', start: dec1 };
    const readBack = (lang: 'en' | 'es') =>
      r(message(lang, 'readBack.book', { when: spokenTime.capitalize(spokenTime.fullWhen(lang, dec1, tenant, NOW)), provider: 'Maria Gomez', service: lang === 'es' ? 'limpieza dental' : 'teeth cleaning' }));
    expect(readBack('es').text).toContain('El martes 1 de diciembre a las 3 de la tarde');
    expect(check([readBack('en')], 'yes', target)).toBe('ok');
    expect(check([readBack('es')], 'sí', target)).toBe('ok');
    expect(check([readBack('es')], 'sí, por favor', target)).toBe('ok');
    expect(check([readBack('es')], '(pressed 1)', target)).toBe('ok');
    expect(check([readBack('es')], 'no, mejor otro día', target)).toBe('no_yes');
    expect(check([r(message('es', 'readBack.bookReprompt', { service: 'limpieza dental', when: spokenTime.fullWhen('es', dec1, tenant, NOW) }))], 'sí', target)).toBe('ok');
    // Another hour in Spanish is not this slot's read-back.
    expect(check([r('El martes 1 de diciembre a las 4 de la tarde con Maria Gomez. ¿Se la agendo?')], 'sí', target)).toBe('no_read_back');
    const move: ConsentTarget = { action: 'reschedule_appointment', providerId: 'maria', start: dec1, from: at('2026-11-24T09:00') };
    const moveBack = message('es', 'readBack.move', { service: 'limpieza dental', from: spokenTime.fullWhen('es', at('2026-11-24T09:00'), tenant, NOW), to: spokenTime.fullWhen('es', dec1, tenant, NOW), provider: 'Maria Gomez' });
    expect(check([r(moveBack)], 'sí', move)).toBe('ok');
  });
});

describe('the consent guard reads each caller line once', () => {
  /** Runs the guard with a reader that counts how often each line is understood, per language. */
  function counted(lines: HeardLine[], callerSaid: string, language?: 'en' | 'es') {
    const reads = new Map<string, number>();
    const read = (said: string, ctx: UnderstandContext) => {
      const key = `${ctx.language ?? 'en'}:${said}`;
      reads.set(key, (reads.get(key) ?? 0) + 1);
      return understand(said, ctx);
    };
    const context = { tenant, callId: 'call-1', callerPhone: null, turn: 3, callerSaid, ...(language ? { language } : {}) };
    let outcome = 'ok';
    try {
      requireConsent(BOOK, context, { heard: () => lines }, NOW, read);
    } catch (error) {
      if (!(error instanceof ConsentMissing)) throw error;
      outcome = error.reason;
    }
    return { outcome, reads };
  }

  it('a plain yes is understood once, in the call\'s language', () => {
    expect(counted([READ_BACK], 'yes please')).toEqual({ outcome: 'ok', reads: new Map([['en:yes please', 1]]) });
    expect(counted([READ_BACK], 'sí, claro', 'es')).toEqual({ outcome: 'ok', reads: new Map([['es:sí, claro', 1]]) });
  });

  it('a line that is neither yes nor no is read at most once per language, however many checks ask about it', () => {
    const lines = [READ_BACK, c('hmm, what was the address again?'), r('120 Main Street.'), c('and is there parking')];
    const { outcome, reads } = counted(lines, 'let me think about it');
    expect(outcome).toBe('no_yes');
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
    // Three caller lines, each in at most two languages.
    expect(reads.size).toBeLessThanOrEqual(6);
    expect([...reads.keys()].filter((k) => k.endsWith('let me think about it'))).toEqual(['en:let me think about it', 'es:let me think about it']);
  });

  it('the caller naming the slot is understood once per language, not again for the yes/no and for the slot', () => {
    const { outcome, reads } = counted([READ_BACK], 'Tuesday the 24th at 3 p.m.');
    expect(outcome).toBe('ok');
    expect(reads.get('en:Tuesday the 24th at 3 p.m.')).toBe(1);
    expect(reads.get('es:Tuesday the 24th at 3 p.m.') ?? 0).toBeLessThanOrEqual(1);
  });

  it('the keypad needs no understanding at all', () => {
    expect(counted([READ_BACK], '(pressed 1)')).toEqual({ outcome: 'ok', reads: new Map() });
  });
});
