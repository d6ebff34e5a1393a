import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mentionsSlot, spokenSlots } from '../../../../src/main/core/conversation/actions/spoken-slots.js';
import { inventedTimes } from '../../../../src/main/core/conversation/llm-brain/spoken-times-guard.js';
import { initialLlmState } from '../../../../src/main/core/conversation/llm-brain/llm-state.js';
import { tenantConfigSchema } from '../../../../src/shared/contract/index.js';
import { DateTime } from 'luxon';

const tenant = tenantConfigSchema.parse(JSON.parse(readFileSync(new URL('../../../../resources/demo-practice.json', import.meta.url), 'utf8')));
/** Monday, November 23rd 2026, 9 AM in New York. */
const NOW = Date.parse('2026-11-23T14:00:00Z');
const at = (local: string) => DateTime.fromISO(local, { zone: tenant.timezone }).toMillis();

describe('spokenSlots: the dates and times a sentence names, read by our own understanding', () => {
  it('reads a read-back: one slot with its provider', () => {
    expect(spokenSlots('Tuesday, November 24th at 3 PM with Maria Gomez for a teeth cleaning. Shall I book it?', tenant, NOW)).toEqual([{ date: '2026-11-24', times: ['15:00'], providerId: 'maria' }]);
  });

  it('reads every option of an offer, carrying the day to the times that follow it', () => {
    expect(spokenSlots('On Tuesday, December 1st, I have 1 PM, 2:30 PM, or Wednesday at 10 AM with Dr. Emily Lee.', tenant, NOW)).toEqual([
      { date: '2026-12-01', times: ['13:00'], providerId: null },
      { date: '2026-12-01', times: ['14:30'], providerId: null },
      { date: '2026-11-25', times: ['10:00'], providerId: 'dr-lee' },
    ]);
  });

  it('reads a move from one time to another, relative days and bare hours', () => {
    expect(spokenSlots("I'll move your cleaning from tomorrow at 9 AM to Friday at 3 o'clock.", tenant, NOW)).toEqual([
      { date: '2026-11-24', times: ['09:00'], providerId: null },
      { date: '2026-11-27', times: ['03:00', '15:00'], providerId: null },
    ]);
    expect(spokenSlots('How about noon on Thursday?', tenant, NOW)[0]?.times).toEqual(['12:00']);
    expect(spokenSlots('It takes 45 minutes and costs 120 dollars.', tenant, NOW)).toEqual([]);
  });

  it('takes a time\'s day from its own clause, not from a day ruled out before it', () => {
    const text = "I don't see an appointment on Friday, but I do see your teeth cleaning on Wednesday, November 25th at 10 AM with Maria Gomez, RDH. Is that the one you mean?";
    expect(spokenSlots(text, tenant, NOW)).toEqual([{ date: '2026-11-25', times: ['10:00'], providerId: 'maria' }]);
    expect(spokenSlots('Con gusto. El martes 1 de diciembre a las 3 de la tarde con Maria Gomez.', tenant, NOW)).toEqual([]);
  });

  it('matches a slot only on the exact day, time and provider', () => {
    const mention = spokenSlots('Tuesday, November 24 at 3:00 PM with Dr. Raj Patel', tenant, NOW)[0]!;
    expect(mentionsSlot(mention, { date: '2026-11-24', time: '15:00', providerId: 'dr-patel' })).toBe(true);
    expect(mentionsSlot(mention, { date: '2026-11-24', time: '15:00', providerId: 'maria' })).toBe(false);
    expect(mentionsSlot(mention, { date: '2026-11-24', time: '15:30', providerId: 'dr-patel' })).toBe(false);
    expect(mentionsSlot(mention, { date: '2026-11-25', time: '15:00', providerId: 'dr-patel' })).toBe(false);
  });
});

describe('inventedTimes: no time is spoken unless a tool gave it', () => {
  const state = { ...initialLlmState(), offered: [{ start: at('2026-12-01T13:00'), providerId: 'maria' }], quotedStarts: [at('2026-11-30T09:30')], quotedClock: ['07:15'] };

  it('lets through offered times, the caller\'s own appointments, quoted times and opening hours', () => {
    expect(inventedTimes('I have Tuesday, December 1 at 1:00 PM.', state, tenant, NOW)).toEqual([]);
    expect(inventedTimes('Your appointment is Monday, November 30 at 9:30 AM.', state, tenant, NOW)).toEqual([]);
    expect(inventedTimes('Parking opens at 7:15 AM.', state, tenant, NOW)).toEqual([]);
    expect(inventedTimes('We open at 8 AM and close at 5 PM.', state, tenant, NOW)).toEqual([]);
    expect(inventedTimes('Thanks for calling, goodbye.', state, tenant, NOW)).toEqual([]);
  });

  it('catches a time no result gave, and an offered time moved to another day', () => {
    expect(inventedTimes('I can fit you in Tuesday at 4:45 PM.', state, tenant, NOW)).toEqual(['16:45']);
    expect(inventedTimes('How about Wednesday, December 2 at 1 PM?', state, tenant, NOW)).toEqual(['13:00']);
  });

  it('takes a time said right after its slot\'s own day words without further reading, and reads anything else', () => {
    // The tool's own words for the day, right before the time: the offered slot, exactly.
    expect(inventedTimes('I have Tuesday, December 1 at 1:00 PM with Maria Gomez, RDH.', state, tenant, NOW)).toEqual([]);
    // Another day named last, even with the offered day earlier in the sentence: read, and caught.
    expect(inventedTimes('Not Tuesday, December 1, but Wednesday, December 2 at 1 PM.', state, tenant, NOW)).toEqual(['13:00']);
    expect(inventedTimes('Tuesday, December 11 at 1 PM works.', state, tenant, NOW)).toEqual(['13:00']);
  });

  it('reads a reply in Spanish too, so the guard holds in both languages', () => {
    expect(inventedTimes('Tengo el martes a las 4:45 de la tarde.', state, tenant, NOW)).toEqual(['16:45']);
    expect(inventedTimes('Tengo el martes 1 de diciembre a la 1 de la tarde.', state, tenant, NOW)).toEqual([]);
    expect(inventedTimes('Con gusto, ¿qué día le queda bien?', state, tenant, NOW)).toEqual([]);
  });
});
