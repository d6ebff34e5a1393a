import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATHS } from '../../../src/main/app/index.js';
import { readReply, textKeyword } from '../../../src/main/core/notifications/index.js';
import { tenantConfigSchema } from '../../../src/shared/contract/index.js';
import { CANCEL_REPLIES, CONFIRM_REPLIES, OTHER_REPLIES, PICK_REPLIES, RESCHEDULE_REPLIES } from './reply-corpus.js';

const tenant = tenantConfigSchema.parse(JSON.parse(readFileSync(PATHS.demoPractice, 'utf8')));
// Monday, November 23, 2026, 9:00 in New York.
const now = Date.parse('2026-11-23T14:00:00Z');
const read = (text: string, optionCount: number | null = null) => readReply(text, { tenant, now, optionCount });

describe('reading a reply to a reminder', () => {
  it('has a corpus of at least 200 phrasings', () => {
    expect(CONFIRM_REPLIES.length + CANCEL_REPLIES.length + RESCHEDULE_REPLIES.length + OTHER_REPLIES.length).toBeGreaterThanOrEqual(200);
  });

  it.each(CONFIRM_REPLIES)('confirms: %s', (text) => expect(read(text).kind).toBe('confirm'));
  it.each(CANCEL_REPLIES)('cancels: %s', (text) => expect(read(text).kind).toBe('cancel'));
  it.each(RESCHEDULE_REPLIES)('asks to move: %s', (text) => expect(read(text).kind).toBe('reschedule'));
  it.each(OTHER_REPLIES)('leaves to staff: %s', (text) => expect(['other', 'decline']).toContain(read(text).kind));

  it('reads the day and part of day with the receptionist\'s own understanding', () => {
    expect(read('can we do Thursday afternoon?')).toEqual({ kind: 'reschedule', wish: expect.objectContaining({ date: '2026-11-26', partOfDay: 'afternoon' }) });
    expect(read('Friday at 3 works better')).toEqual({ kind: 'reschedule', wish: expect.objectContaining({ date: '2026-11-27', time: '15:00' }) });
    expect(read('move it to next week')).toEqual({ kind: 'reschedule', wish: expect.objectContaining({ fromDate: '2026-11-30', toDate: '2026-12-06' }) });
    expect(read("I can't come tomorrow, how about Thursday")).toEqual({ kind: 'reschedule', wish: expect.objectContaining({ date: '2026-11-26' }) });
  });

  it.each(PICK_REPLIES)('picks an offered time: %s', (text, choice) => expect(read(text, 2)).toEqual({ kind: 'pick', choice, time: null, date: null }));

  it('picks an offered time by its clock time, and reads a new day as another move', () => {
    expect(read('the 3:30 one', 2)).toMatchObject({ kind: 'pick', time: '15:30' });
    expect(read('none of those, how about Friday?', 2)).toMatchObject({ kind: 'reschedule' });
    expect(read('3', 2).kind).not.toBe('pick');
  });
});

describe('asking for the waitlist by text', () => {
  it.each([
    ['put me on the waitlist', false],
    ['Can you add me to the wait list for Friday?', false],
    ['text me if something earlier opens up', true],
    ['let me know if anything sooner comes up', true],
    ['waiting list please', false],
  ])('%s', (text, earlier) => expect(read(text)).toMatchObject({ kind: 'waitlist', earlier }));

  it('keeps the day they name', () => expect(read('Can you add me to the wait list for Friday?')).toMatchObject({ wish: { date: '2026-11-27' } }));
});

describe('carrier keywords', () => {
  it.each([
    ['STOP', 'stop'],
    ['stop', 'stop'],
    [' Stop. ', 'stop'],
    ['UNSUBSCRIBE', 'stop'],
    ['quit', 'stop'],
    ['START', 'start'],
    ['unstop', 'start'],
    ['HELP', 'help'],
    ['info', 'help'],
  ])('%s is %s', (body, keyword) => expect(textKeyword(body)).toBe(keyword));

  it('only as the whole message, and CANCEL / YES keep their plain meaning', () => {
    expect(textKeyword('please stop calling me so early')).toBeNull();
    expect(textKeyword('cancel')).toBeNull();
    expect(textKeyword('yes')).toBeNull();
  });
});
