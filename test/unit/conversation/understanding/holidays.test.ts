import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { demoTenant } from '../rules-brain/harness.js';

// Monday 23 November 2026, 9 AM in New York.
const NOW = Date.parse('2026-11-23T14:00:00Z');
const inCountry = (country: string) => demoTenant((raw) => {
  raw.country = country;
  raw.languages = ['en', 'es'];
});
const us = inCountry('US');
const dateOf = (text: string, tenant = us, language: 'en' | 'es' = 'en') => understand(text, { tenant, now: NOW, language }).date;

describe('holidays said by name are dates', () => {
  it.each([
    ['are you open on christmas eve', '2026-12-24'],
    ['can I come in the day after Christmas', '2026-12-26'],
    ['the day before new years eve', '2026-12-30'],
    ['do you have anything on Christmas Day', '2026-12-25'],
    ['what about new years eve', '2026-12-31'],
    ["what about New Year's Eve?", '2026-12-31'],
    ["are you open on new year's day", '2027-01-01'],
    ['are you open the day after thanksgiving', '2026-11-27'],
    ['is the office open on Black Friday', '2026-11-27'],
    ['are you open on Thanksgiving', '2026-11-26'],
    ['I need a cleaning on Valentine’s Day', '2027-02-14'],
    ['are you open on memorial day', '2027-05-31'],
    ['how about labor day', '2027-09-06'],
    ['the fourth of july', '2027-07-04'],
    ['halloween at 3', '2026-10-31'.replace('2026', '2027')],
  ])('%s → %s', (said, date) => {
    expect(dateOf(said)).toBe(date);
  });

  it('a greeting is not a date: "merry Christmas, can I come in tomorrow"', () => {
    expect(dateOf('merry christmas, can I come in tomorrow')).toBe('2026-11-24');
    expect(dateOf('happy thanksgiving! do you have anything on Friday')).toBe('2026-11-27');
    expect(dateOf('feliz navidad, ¿tienen algo mañana?', us, 'es')).toBe('2026-11-24');
  });

  it("a country's own holidays only for a practice there: Canada's Thanksgiving is October's, Boxing Day is not American", () => {
    const canada = inCountry('CA');
    expect(dateOf('are you open on thanksgiving', canada)).toBe('2027-10-11');
    expect(dateOf('are you open on boxing day', canada)).toBe('2026-12-26');
    expect(dateOf('are you open on victoria day', canada)).toBe('2027-05-24');
    expect(dateOf('are you open on boxing day', us)).toBeNull();
    expect(dateOf('are you open on memorial day', inCountry('GB'))).toBeNull();
    expect(dateOf('are you open on christmas eve', inCountry('GB'))).toBe('2026-12-24');
  });

  it('in Spanish: Nochebuena, Navidad, Año Nuevo', () => {
    expect(dateOf('¿abren en nochebuena?', us, 'es')).toBe('2026-12-24');
    expect(dateOf('¿abren el día de Navidad?', us, 'es')).toBe('2026-12-25');
    expect(dateOf('¿están abiertos el día de año nuevo?', us, 'es')).toBe('2027-01-01');
  });
});
