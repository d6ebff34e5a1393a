import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../src/shared/lib/time.js';

const NY = 'America/New_York';
const ok = (text: string) => {
  const parsed = parseInstant(text, NY);
  if (!parsed.ok) throw new Error(parsed.message);
  return new Date(parsed.epochMs).toISOString();
};
const refused = (text: string) => {
  const parsed = parseInstant(text, NY);
  if (parsed.ok) throw new Error(`${text} was accepted`);
  return parsed.message;
};

describe('parseInstant', () => {
  it('reads wall-clock times in the practice zone and instants with an offset as written', () => {
    expect(ok('2026-11-24T09:00')).toBe('2026-11-24T14:00:00.000Z');
    expect(ok('2026-11-24T09:00:00-05:00')).toBe('2026-11-24T14:00:00.000Z');
    expect(ok('2026-11-24T14:00Z')).toBe('2026-11-24T14:00:00.000Z');
    expect(ok('2026-11-24T09:00+14:00')).toBe('2026-11-23T19:00:00.000Z');
    expect(ok('2026-11-24T09:00-12:00')).toBe('2026-11-24T21:00:00.000Z');
  });

  it('calls 24:00 the end of a day, not a skipped hour, and names the start to use instead', () => {
    expect(refused('2026-11-24T24:00')).toBe('2026-11-24T24:00 is the end of a day, not a start time; write 2026-11-25T00:00 instead');
    expect(refused('2026-12-31T24:00')).toContain('write 2027-01-01T00:00 instead');
  });

  it('refuses offsets no zone has', () => {
    expect(refused('2026-11-24T09:00+25:00')).toBe('"+25:00" in "2026-11-24T09:00+25:00" is not a UTC offset (offsets run from -12:00 to +14:00)');
    expect(refused('2026-11-24T09:00-13:00')).toContain('is not a UTC offset');
    expect(refused('2026-11-24T09:00+05:75')).toContain('is not a UTC offset');
  });

  it('says the hour is skipped only when it really is (spring forward)', () => {
    expect(refused('2026-03-08T02:30')).toBe('2026-03-08T02:30 does not exist in America/New_York (the clocks skip that hour)');
  });

  it('asks which one is meant for a wall time in the repeated hour, naming both, and takes either with its offset', () => {
    expect(refused('2026-11-01T01:30')).toBe(
      '2026-11-01T01:30 happens twice in America/New_York (the clocks go back that night); say which with its offset: ' +
        '2026-11-01T01:30:00-04:00 (the first time) or 2026-11-01T01:30:00-05:00 (the second)',
    );
    expect(ok('2026-11-01T01:30-04:00')).toBe('2026-11-01T05:30:00.000Z');
    expect(ok('2026-11-01T01:30-05:00')).toBe('2026-11-01T06:30:00.000Z');
    expect(ok('2026-11-01T02:30')).toBe('2026-11-01T07:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(refused('tomorrow at nine')).toContain('is not a date and time like');
    expect(refused('2026-02-30T09:00')).toContain('is not a real date and time');
  });
});
