import { describe, expect, it } from 'vitest';
import { Call, heard, slot, u } from './harness.js';

/** The last sentence of each reply: the question the caller was left with. */
const lastQuestion = (text: string) => text.split(/(?<=[.?!])\s+/).pop() ?? '';

describe('progress, not loops', () => {
  it('a caller who keeps asking for a time that is not free is never asked the same thing three times running', async () => {
    const wish = u('book', { serviceId: 'cleaning', date: '2026-11-24', time: '15:00' });
    const call = new Call({ caller: { customer: { id: 'c1', name: 'Ann Lee' } }, script: { 'tuesday at 3': wish } });
    // Tuesday at 3 is never free: every search offers the same three other times.
    call.actions.on('check_availability', ...Array.from({ length: 20 }, () => ({ ok: true as const, data: { slots: [slot('2026-11-24T09:00'), slot('2026-11-24T10:00'), slot('2026-11-24T11:00')] } })));
    await call.start();
    const questions: string[] = [];
    for (let i = 0; i < 10 && call.last?.next !== 'hangup'; i++) questions.push(lastQuestion(heard(await call.say('tuesday at 3'))));
    for (let i = 2; i < questions.length; i++) expect(new Set(questions.slice(i - 2, i + 1)).size, questions.join(' | ')).toBeGreaterThan(1);
    // It changes course: the way out is offered.
    expect(questions.join(' ')).toMatch(/take a message/);
  });

  it('a caller who never says a usable day is offered the earliest times, then a person or a message', async () => {
    const call = new Call({ caller: { customer: { id: 'c1', name: 'Ann Lee' } }, script: { 'a cleaning': u('book', { serviceId: 'cleaning' }), 'whenever I guess': u('unknown', { confidence: 0.3 }) } });
    await call.start();
    await call.say('a cleaning');
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(heard(await call.say('whenever I guess')));
    expect(replies.join(' ')).toMatch(/front desk|message/);
    expect(replies.map(lastQuestion).every((q, i, all) => i < 2 || !(q === all[i - 1] && q === all[i - 2]))).toBe(true);
  });
});
