import { describe, expect, it } from 'vitest';
import { undoOutcomeTarget } from '../../../src/main/core/scheduling/visit-outcome.js';

type Entry = Parameters<typeof undoOutcomeTarget>[2][number];
const step = (action: string, fromStatus: Entry['fromStatus'], toStatus: Entry['toStatus']): Entry => ({ action, fromStatus, toStatus });
const created = step('created', null, 'confirmed');

describe('undoOutcomeTarget: what taking back a one-click outcome returns the visit to', () => {
  it('goes back to the status before the click being undone', () => {
    expect(undoOutcomeTarget({ status: 'arrived' }, 'arrived', [created, step('arrived', 'confirmed', 'arrived')])).toEqual({ to: 'confirmed' });
    expect(undoOutcomeTarget({ status: 'no_show' }, 'no_show', [created, step('no_show', 'confirmed', 'no_show')])).toEqual({ to: 'confirmed' });
    // Completed straight from confirmed (arrival not recorded) goes back to confirmed; after an arrival, to arrived.
    expect(undoOutcomeTarget({ status: 'completed' }, 'completed', [created, step('completed', 'confirmed', 'completed')])).toEqual({ to: 'confirmed' });
    const arrivedThenCompleted = [created, step('arrived', 'confirmed', 'arrived'), step('completed', 'arrived', 'completed')];
    expect(undoOutcomeTarget({ status: 'completed' }, 'completed', arrivedThenCompleted)).toEqual({ to: 'arrived' });
  });

  it('follows a chain of clicks and undos, and ignores notes and moves in between', () => {
    const history = [
      created,
      step('rescheduled', 'confirmed', 'confirmed'),
      step('arrived', 'confirmed', 'arrived'),
      step('completed', 'arrived', 'completed'),
      step('completed undone', 'completed', 'arrived'),
      step('confirmed by text', 'arrived', 'arrived'),
    ];
    expect(undoOutcomeTarget({ status: 'arrived' }, 'arrived', history)).toEqual({ to: 'confirmed' });
  });

  it('is already done when the same click was just taken back (a second desk, a double click)', () => {
    const history = [created, step('arrived', 'confirmed', 'arrived'), step('arrived undone', 'arrived', 'confirmed')];
    expect(undoOutcomeTarget({ status: 'confirmed' }, 'arrived', history)).toEqual({ done: true });
  });

  it('refuses, in the desk’s words, when the visit is not marked that way', () => {
    expect(undoOutcomeTarget({ status: 'confirmed' }, 'no_show', [created])).toEqual({ refusal: 'This visit is confirmed, not marked a no-show, so there is nothing to undo.' });
    expect(undoOutcomeTarget({ status: 'cancelled' }, 'arrived', [created])).toEqual({ refusal: 'This visit is cancelled, not marked as arrived, so there is nothing to undo.' });
    // A status with no click behind it in the history (an old import) is not guessed at.
    expect(undoOutcomeTarget({ status: 'completed' }, 'completed', [created])).toEqual({ refusal: 'This visit was not marked completed from the schedule, so it cannot be undone here.' });
  });
});
