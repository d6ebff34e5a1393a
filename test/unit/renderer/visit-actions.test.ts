import { describe, expect, it } from 'vitest';
import { quickVisitActions, undoAction, visitActionName } from '../../../src/renderer/features/schedule/visit-actions.js';

const TODAY = '2026-11-23';
const at = (status: string, start = '2026-11-23T15:00:00-05:00') => ({ status, start }) as never;
const NOW = Date.parse('2026-11-23T15:10:00-05:00');
const labels = (actions: ReturnType<typeof quickVisitActions>) => actions.map((a) => (a.undo ? `Undo ${a.name}` : a.label));

describe('the one-click steps on a schedule block, with Undo', () => {
  it('offers Undo for the last outcome on today’s visits, after the next step', () => {
    expect(labels(quickVisitActions(at('confirmed'), TODAY, NOW))).toEqual(['Arrived', 'No-show']);
    expect(labels(quickVisitActions(at('arrived'), TODAY, NOW))).toEqual(['Completed', 'Undo arrived']);
    expect(labels(quickVisitActions(at('completed'), TODAY, NOW))).toEqual(['Undo completed']);
    expect(labels(quickVisitActions(at('no_show'), TODAY, NOW))).toEqual(['Undo no-show']);
  });

  it('keeps other days’ blocks quiet (their dialog still offers it)', () => {
    expect(labels(quickVisitActions(at('completed', '2026-11-20T15:00:00-05:00'), TODAY, NOW))).toEqual([]);
    expect(undoAction(at('completed'))).toMatchObject({ outcome: 'completed', undo: true });
    expect(undoAction(at('confirmed'))).toBeNull();
    expect(undoAction(at('cancelled'))).toBeNull();
  });

  it('names each button for a screen reader', () => {
    const [complete, undo] = quickVisitActions(at('arrived'), TODAY, NOW);
    expect(visitActionName(complete!, 'Rita Levi', '3:00 – 3:30 PM')).toBe('Completed: Rita Levi, 3:00 – 3:30 PM');
    expect(visitActionName(undo!, 'Rita Levi', '3:00 – 3:30 PM')).toBe('Undo arrived for Rita Levi, 3:00 – 3:30 PM');
  });
});
