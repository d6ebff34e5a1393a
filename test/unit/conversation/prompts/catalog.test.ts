import { describe, expect, it } from 'vitest';
import { EN } from '../../../../src/main/core/conversation/prompts/catalog-en.js';
import { ES } from '../../../../src/main/core/conversation/prompts/catalog-es.js';
import { atClock, dateWords, fullWhen, listWords, message, messageIds, shortWhen } from '../../../../src/main/core/conversation/prompts/index.js';
import { NOW, at, demoTenant } from '../rules-brain/harness.js';

const params = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('the prompt catalog', () => {
  it('says every message in Spanish too, with the same parameters', () => {
    for (const id of messageIds()) {
      expect(ES[id].trim(), id).not.toBe('');
      expect(params(ES[id]), id).toEqual(params(EN[id]));
    }
  });

  it('fills parameters, raises {Name} to a capital, and refuses a missing one', () => {
    expect(message('en', 'goodbye', { practice: 'Shear Joy' })).toBe('Thanks for calling Shear Joy. Goodbye!');
    expect(message('es', 'hours.day', { day: 'el viernes', hours: 'de 9 a 5' })).toBe('El viernes abrimos de 9 a 5.');
    expect(() => message('en', 'goodbye')).toThrow(/practice/);
  });
});

describe('dates and times for speech', () => {
  const tenant = demoTenant();
  it('in English', () => {
    expect(fullWhen('en', at('2026-11-24T15:00'), tenant, NOW)).toBe('Tuesday, November 24th at 3 PM');
    expect(shortWhen('en', at('2026-11-25T10:30'), tenant, NOW)).toBe('Wednesday at 10:30 AM');
    expect(dateWords('en', '2027-01-04', tenant, NOW)).toBe('Monday, January 4th, 2027');
    expect(listWords('en', ['a', 'b', 'c'])).toBe('a, b, or c');
  });

  it('in Latin-American Spanish', () => {
    expect(fullWhen('es', at('2026-11-24T15:00'), tenant, NOW)).toBe('el martes 24 de noviembre a las 3 de la tarde');
    expect(shortWhen('es', at('2026-11-24T09:00'), tenant, NOW)).toBe('mañana a las 9 de la mañana');
    expect(atClock('es', '13:00')).toBe('a la 1 de la tarde');
    expect(atClock('es', '12:30')).toBe('a las 12:30 del mediodía');
    expect(atClock('es', '19:00')).toBe('a las 7 de la noche');
    expect(dateWords('es', '2027-01-04', tenant, NOW)).toBe('el lunes 4 de enero de 2027');
    expect(listWords('es', ['a', 'b', 'c'])).toBe('a, b o c');
  });
});
