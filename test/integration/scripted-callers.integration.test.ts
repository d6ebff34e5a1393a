import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCallHarness, type CallHarness } from '../support/call-harness.js';
import { scriptedCallers } from '../support/callers/corpus.js';
import { GARAGE, SALON } from '../support/callers/practices.js';
import { longestRepeat, runCaller, summarize, ZONES, type CallerRun } from '../support/callers/run-caller.js';

let h: CallHarness;
const runs: CallerRun[] = [];
const callers = scriptedCallers();

beforeAll(async () => {
  h = await startCallHarness();
  await h.run('tenants/save', { config: SALON });
  await h.run('tenants/save', { config: GARAGE });
}, 60_000);
afterAll(async () => h?.stop());

describe('300+ scripted callers through the real call path (webhooks, rules receptionist, SQLite)', () => {
  it('is a corpus of at least 300 callers over three practices', () => {
    expect(callers.length).toBeGreaterThanOrEqual(300);
    expect(new Set(callers.map((c) => c.practiceNumber)).size).toBe(3);
  });

  it('books callers at the time they asked for, never loops, and gives every call an outcome', async () => {
    for (const caller of callers) runs.push(await runCaller(h, caller, ZONES[caller.practiceNumber] ?? 'America/New_York'));
    const failures = runs.filter((r) => !r.exact).map((r) => `${r.caller.id} "${r.caller.opening}" → ${r.bookedAt}: ${r.replies.join(' | ')}`);
    const figures = summarize(runs);
    // Progress, not loops: no caller hears the same question three times in a row.
    for (const r of runs) expect(longestRepeat(r.replies), r.replies.join(' | ')).toBeLessThan(3);
    expect(figures.withoutOutcome, failures.slice(0, 5).join('\n')).toBe(0);
    expect(figures.exactPercent, failures.slice(0, 8).join('\n')).toBeGreaterThanOrEqual(99);
    expect(figures.medianTurns).toBeLessThanOrEqual(5);
  }, 600_000);
});
