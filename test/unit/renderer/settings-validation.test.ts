import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TenantConfig } from '../../../src/shared/contract/tenant.js';
import { formatList, getIn, parseList, removeAt, sameConfig, setIn, slugFor } from '../../../src/renderer/features/settings/settings-draft.js';
import { describePath, parsePath, sectionOf } from '../../../src/renderer/features/settings/settings-labels.js';
import {
  errorsAt,
  errorsFromDetails,
  errorsUnder,
  mergeErrors,
  validateDraft,
  withoutUnder,
} from '../../../src/renderer/features/settings/settings-validation.js';
import { nextInterval } from '../../../src/renderer/features/settings/settings-draft.js';

const demo = JSON.parse(readFileSync(new URL('../../../resources/demo-practice.json', import.meta.url), 'utf8')) as TenantConfig;

describe('draft editing', () => {
  it('sets a value deep inside without touching the rest', () => {
    const next = setIn(demo, ['services', 1, 'durationMinutes'], 40);
    expect(next.services[1]?.durationMinutes).toBe(40);
    expect(demo.services[1]?.durationMinutes).toBe(30);
    expect(next.services[0]).toBe(demo.services[0]);
    expect(next.providers).toBe(demo.providers);
    expect(getIn(next, ['services', 1, 'durationMinutes'])).toBe(40);
  });

  it('clears an optional field with undefined and edits interval pairs', () => {
    const cleared = setIn(demo, ['address'], undefined);
    expect('address' in cleared).toBe(false);
    const moved = setIn(demo, ['hours', 'mon', 0, 1], '11:30');
    expect(moved.hours.mon).toEqual([
      ['08:00', '11:30'],
      ['13:00', '17:00'],
    ]);
    expect(removeAt(moved.hours.mon, 0)).toEqual([['13:00', '17:00']]);
  });

  it('reads comma lists, makes ids, and compares ignoring key order', () => {
    expect(parseList(' cleaning, hygiene visit ,, ')).toEqual(['cleaning', 'hygiene visit']);
    expect(formatList(['a', 'b'])).toBe('a, b');
    expect(slugFor('Teeth Cleaning!', [], 'service')).toBe('teeth-cleaning');
    expect(slugFor('Exam', ['exam', 'exam-2'], 'service')).toBe('exam-3');
    expect(slugFor('###', [], 'service')).toBe('service');
    expect(sameConfig({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameConfig({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('offers the next interval after the last one', () => {
    expect(nextInterval([])).toEqual(['09:00', '17:00']);
    expect(nextInterval([['08:00', '12:00']])).toEqual(['13:00', '17:00']);
    expect(nextInterval([['08:00', '22:30']])).toEqual(['23:00', '24:00']);
  });
});

describe('validation with the tenant schema', () => {
  it('accepts the demo practice', () => {
    const result = validateDraft(demo);
    expect(result.ok).toBe(true);
    expect(result.config?.id).toBe('bright-smiles');
    expect(result.errors.size).toBe(0);
  });

  it('puts each problem under its field path, in the schema’s words', () => {
    let draft = setIn(demo, ['booking', 'slotStepMinutes'], 0);
    draft = setIn(draft, ['hours', 'tue', 1], ['18:00', '17:00']);
    draft = setIn(draft, ['services', 2, 'durationMinutes'], undefined);
    const result = validateDraft(draft);
    expect(result.ok).toBe(false);
    expect(errorsAt(result.errors, ['booking', 'slotStepMinutes'])).toEqual(['must be a positive integer']);
    expect(errorsAt(result.errors, ['hours', 'tue', 1])).toEqual(['must end after it starts']);
    expect(errorsAt(result.errors, ['services', 2, 'durationMinutes'])).toEqual(['is required']);
    expect(errorsUnder(result.errors, ['services'])).toHaveLength(1);
    expect(errorsUnder(result.errors, ['hours', 'tue'])).toHaveLength(1);
    expect(result.lines).toContain('booking.slotStepMinutes: must be a positive integer');
  });

  it('checks references across the practice once the fields themselves are valid', () => {
    const result = validateDraft(setIn(demo, ['services', 0, 'providerIds'], ['maria', 'dr-nobody']));
    expect(errorsAt(result.errors, ['services', 0, 'providerIds', 1])).toEqual(['names unknown provider "dr-nobody"']);
  });

  it('flags an overlapping second interval and a bad closure date', () => {
    let draft = setIn(demo, ['hours', 'wed'], [
      ['08:00', '12:00'],
      ['11:00', '17:00'],
    ]);
    draft = setIn(draft, ['closures'], [{ date: '2026-02-30' }]);
    const result = validateDraft(draft);
    expect(errorsAt(result.errors, ['hours', 'wed', 1])).toEqual(['must start after the previous interval ends']);
    expect(errorsUnder(result.errors, ['closures', 0]).join()).toMatch(/./);
  });

  it('reads the appliance’s details back into field errors', () => {
    const errors = errorsFromDetails(['booking.holdMinutes: must be a positive integer', 'services[1].providerIds[0]: names unknown provider "x"', 'Something general']);
    expect(errorsAt(errors, ['booking', 'holdMinutes'])).toEqual(['must be a positive integer']);
    expect(errorsAt(errors, ['services', 1, 'providerIds', 0])).toEqual(['names unknown provider "x"']);
    expect(errorsAt(errors, [])).toEqual(['Something general']);
    const merged = mergeErrors(errors, errorsFromDetails(['booking.holdMinutes: must be a positive integer']));
    expect(errorsAt(merged, ['booking', 'holdMinutes'])).toEqual(['must be a positive integer']);
    expect(errorsAt(withoutUnder(merged, ['services', 1]), ['services', 1, 'providerIds', 0])).toEqual([]);
  });
});

describe('problem labels', () => {
  it('names where a problem is in the words of the page', () => {
    expect(parsePath('services[2].providerIds[0]')).toEqual(['services', 2, 'providerIds', 0]);
    expect(describePath(['booking', 'slotStepMinutes'], demo)).toBe('Booking policy › Slot step');
    expect(describePath(['services', 2, 'durationMinutes'], demo)).toBe('Service “Filling” › Duration');
    expect(describePath(['hours', 'mon', 1], demo)).toBe('Weekly hours › Monday, hours 2');
    expect(describePath(['providers', 0, 'hours', 'fri', 0], demo)).toBe('Provider “Dr. Emily Lee” › Friday, hours 1');
    expect(describePath(['providers', 0, 'timeOff', 0, 'to'], demo)).toBe('Provider “Dr. Emily Lee” › Time off 1 › To');
    expect(describePath(['closures', 1, 'date'], demo)).toBe('Closure 2 › Date');
    expect(describePath(['specialHours', 0, 'hours', 0], demo)).toBe('Special hours 1 › Hours 1');
    expect(describePath(['greeting'], demo)).toBe('Greeting');
    expect(sectionOf(['faq', 0, 'answer'])?.title).toBe('Questions & answers');
    expect(sectionOf(['transferNumber'])?.title).toBe('Practice');
  });
});
