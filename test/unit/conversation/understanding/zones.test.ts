import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { NOW, demoTenant, londonTenant } from './fixtures.js';

const ny = demoTenant();
const london = londonTenant();
const nyAt = (local: string) => DateTime.fromISO(local, { zone: 'America/New_York' }).toMillis();
const londonAt = (local: string) => DateTime.fromISO(local, { zone: 'Europe/London' }).toMillis();

describe('understanding: dates in the practice zone', () => {
  it('near midnight, "tomorrow" is the practice\'s tomorrow, not UTC\'s', () => {
    // 04:30 UTC on the 24th is still 23:30 on Monday the 23rd in New York.
    const now = Date.parse('2026-11-24T04:30:00Z');
    expect(understand('tomorrow', { tenant: ny, now }).date).toBe('2026-11-24');
    expect(understand('today', { tenant: ny, now }).date).toBe('2026-11-23');
    expect(understand('Tuesday', { tenant: ny, now }).date).toBe('2026-11-24');
    expect(understand('the 23rd', { tenant: ny, now }).date).toBe('2026-11-23');
    expect(understand('this week', { tenant: ny, now }).range).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });

  it('just after midnight the new day has begun', () => {
    const now = nyAt('2026-11-24T00:05');
    expect(understand('tomorrow', { tenant: ny, now }).date).toBe('2026-11-25');
    expect(understand('Tuesday', { tenant: ny, now }).date).toBe('2026-12-01');
    expect(understand('this Tuesday', { tenant: ny, now }).date).toBe('2026-11-24');
  });

  it('reads a London practice in London time, with day/month numeric dates and UK numbers', () => {
    // 23:30 on Monday 23 November in London (UTC+0 in winter).
    const now = londonAt('2026-11-23T23:30');
    expect(understand('tomorrow at half 3', { tenant: london, now }).date).toBe('2026-11-24');
    expect(understand('12/3', { tenant: london, now }).date).toBe('2027-03-12');
    expect(understand('3/12', { tenant: london, now }).date).toBe('2026-12-03');
    expect(understand('my number is 07700 900123', { tenant: london, now }).phone).toBe('+447700900123');
    expect(understand('ring me on 020 7946 0958', { tenant: london, now }).phone).toBe('+442079460958');
  });

  it('in London, names alone (no aliases) find providers and services', () => {
    const u = understand('can I book a teeth cleaning with Dr Patel', { tenant: london, now: NOW });
    expect(u).toMatchObject({ intent: 'book', serviceId: 'cleaning', providerId: 'dr-patel' });
    expect(understand('with Emily please', { tenant: london, now: NOW }).providerId).toBe('dr-lee');
    expect(understand('Gomez', { tenant: london, now: NOW }).providerId).toBe('maria');
    expect(understand('a whitening consultation', { tenant: london, now: NOW }).serviceId).toBe('whitening');
    expect(understand('an exam', { tenant: london, now: NOW }).serviceId).toBe('exam');
  });

  it('keeps wall-clock times across the spring-forward change', () => {
    // Monday 1 March 2027; DST starts in New York on Sunday 14 March.
    const now = nyAt('2027-03-01T10:00');
    expect(understand('next Sunday at 9', { tenant: ny, now })).toMatchObject({ date: '2027-03-14', time: '09:00' });
    expect(understand('March 14th at 2:30 in the afternoon', { tenant: ny, now })).toMatchObject({ date: '2027-03-14', time: '14:30' });
    // And from the Saturday before, "tomorrow" is the short day itself.
    expect(understand('tomorrow at 9', { tenant: ny, now: nyAt('2027-03-13T23:30') })).toMatchObject({ date: '2027-03-14', time: '09:00' });
  });

  it('keeps wall-clock dates across the autumn change in London', () => {
    // Saturday 30 October 2027, the day before the clocks go back.
    const now = londonAt('2027-10-30T23:59');
    expect(understand('tomorrow', { tenant: london, now }).date).toBe('2027-10-31');
    expect(understand('Monday', { tenant: london, now }).date).toBe('2027-11-01');
  });

  describe('whatever zone the appliance PC is in', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata'])('%s', (zone) => {
      process.env.TZ = zone;
      // The zone change took effect in this process (else the test proves nothing).
      expect(new Date(NOW).getTimezoneOffset()).toBe(-DateTime.fromMillis(NOW, { zone }).offset);
      const now = Date.parse('2026-11-24T04:30:00Z');
      expect(understand('tomorrow', { tenant: ny, now }).date).toBe('2026-11-24');
      expect(understand('12/3', { tenant: ny, now }).date).toBe('2026-12-03');
      expect(understand('12/3', { tenant: london, now }).date).toBe('2027-03-12');
      expect(understand('next Monday at 3', { tenant: ny, now })).toMatchObject({ date: '2026-11-30', time: '15:00' });
    });
  });
});

describe('understanding: which day a caller means', () => {
  const on = (local: string) => ({ tenant: ny, now: nyAt(local) });

  it('a weekday alone is the next one, never today', () => {
    expect(understand('Friday', on('2026-11-27T09:00')).date).toBe('2026-12-04');
    expect(understand('Saturday', on('2026-11-27T09:00')).date).toBe('2026-11-28');
    expect(understand('today', on('2026-11-27T09:00')).date).toBe('2026-11-27');
  });

  it('"next <weekday>" is in next week (Monday to Sunday), "this <weekday>" in this one', () => {
    // On a Friday, "next Tuesday" is four days away; on a Monday it is eight.
    expect(understand('next Tuesday', on('2026-11-27T09:00')).date).toBe('2026-12-01');
    expect(understand('next Tuesday', on('2026-11-23T09:00')).date).toBe('2026-12-01');
    // On a Sunday, next week starts tomorrow.
    expect(understand('next Monday', on('2026-11-29T09:00')).date).toBe('2026-11-30');
    expect(understand('this Friday', on('2026-11-25T09:00')).date).toBe('2026-11-27');
    // This week's Monday has passed by Wednesday: the coming one.
    expect(understand('this Monday', on('2026-11-25T09:00')).date).toBe('2026-11-30');
    expect(understand('this coming Monday', on('2026-11-23T09:00')).date).toBe('2026-11-30');
  });

  it('a date already past this year is next year\'s; a said year is kept', () => {
    expect(understand('November 20th', on('2026-11-23T09:00')).date).toBe('2027-11-20');
    expect(understand('January 5th', on('2026-11-23T09:00')).date).toBe('2027-01-05');
    expect(understand('November 20th 2026', on('2026-11-23T09:00')).date).toBe('2026-11-20');
    expect(understand('11/20', on('2026-11-23T09:00')).date).toBe('2027-11-20');
  });

  it('"the 31st" skips months too short for it', () => {
    expect(understand('the 31st', on('2027-01-31T09:00')).date).toBe('2027-01-31');
    expect(understand('the 31st', on('2027-02-01T09:00')).date).toBe('2027-03-31');
    expect(understand('the 29th', on('2027-02-01T09:00')).date).toBe('2027-03-29');
    expect(understand('February 29th', on('2026-11-23T09:00')).date).toBe('2028-02-29');
  });

  it('ranges across a year end', () => {
    expect(understand('next week', on('2026-12-30T09:00')).range).toEqual({ from: '2027-01-04', to: '2027-01-10' });
    expect(understand('next month', on('2026-12-30T09:00')).range).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(understand('in a couple of weeks', on('2026-12-30T09:00')).date).toBe('2027-01-13');
    expect(understand('late December', on('2026-12-30T09:00')).range).toEqual({ from: '2026-12-30', to: '2026-12-31' });
  });
});
