import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { demoTenant } from '../rules-brain/harness.js';

const NOW = Date.parse('2026-11-23T14:00:00Z'); // Monday, November 23rd in New York
const tenant = demoTenant();
const said = (text: string, expect: 'choice' | null = null) => understand(text, { tenant, now: NOW, expect });

// "the 1st" … "the 3rd" alone are as often a pick from a list as a day; with a time they are a day.
describe('a low ordinal said with a time is a day of the month', () => {
  it.each([
    ['is there anything the 3rd around 4:30', '2026-12-03', '16:30'],
    ['the 2nd in the morning', '2026-12-02', null],
    ['the 2nd at 10 works', '2026-12-02', '10:00'],
    ['how about the 1st, 2 pm', '2026-12-01', '14:00'],
  ])('%s', (text, date, time) => {
    const u = said(text);
    expect(u.date).toBe(date);
    if (time !== null) expect(u.time).toBe(time);
  });

  it('"the 1st one" is still a pick, not a day', () => {
    expect(said("I'll take the 1st one").date).toBeNull();
  });

  it('while choosing from offered times, "the 2nd at 10" is not a day', () => {
    expect(said('the 2nd at 10', 'choice').date).toBeNull();
  });
});
