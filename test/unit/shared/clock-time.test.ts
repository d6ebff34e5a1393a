import { describe, expect, it } from 'vitest';
import { formatClockTime, parseClockTime, usesTwelveHourClock } from '../../../src/shared/lib/clock-time.js';

describe('clock times in the practice\'s habit', () => {
  it('uses the 12-hour clock for US English and the 24-hour clock for Spanish and others', () => {
    expect(usesTwelveHourClock('en-US')).toBe(true);
    expect(usesTwelveHourClock('es-US')).toBe(false);
    expect(usesTwelveHourClock('es-ES')).toBe(false);
    expect(usesTwelveHourClock('en-GB')).toBe(false);
  });

  it('shows the stored time the way the practice reads it', () => {
    expect(formatClockTime('09:00', true)).toBe('9:00 AM');
    expect(formatClockTime('17:30', true)).toBe('5:30 PM');
    expect(formatClockTime('12:00', true)).toBe('12:00 PM');
    expect(formatClockTime('00:15', true)).toBe('12:15 AM');
    expect(formatClockTime('24:00', true)).toBe('12:00 AM');
    expect(formatClockTime('17:30', false)).toBe('17:30');
    expect(formatClockTime('9:0x', true)).toBe('9:0x');
  });

  it('stores what a person types as the canonical 24-hour value', () => {
    expect(parseClockTime('9:00 AM')).toBe('09:00');
    expect(parseClockTime('5:30 PM')).toBe('17:30');
    expect(parseClockTime('5:30pm')).toBe('17:30');
    expect(parseClockTime('5:30 p.m.')).toBe('17:30');
    expect(parseClockTime('9am')).toBe('09:00');
    expect(parseClockTime('12 PM')).toBe('12:00');
    expect(parseClockTime('12:30 AM')).toBe('00:30');
    expect(parseClockTime('17:30')).toBe('17:30');
    expect(parseClockTime('0930')).toBe('09:30');
    expect(parseClockTime('9')).toBe('09:00');
    expect(parseClockTime('12:00 AM', { end: true })).toBe('24:00');
    expect(parseClockTime('24:00', { end: true })).toBe('24:00');
    expect(parseClockTime('00:00', { end: true })).toBe('24:00');
  });

  it('refuses what is not a time', () => {
    for (const typed of ['', 'noon-ish', '13 PM', '0:00 AM', '9:75', '25:00', '24:00', '24:30']) expect(parseClockTime(typed), typed).toBeNull();
  });
});
