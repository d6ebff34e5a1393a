import { describe, expect, it } from 'vitest';
import {
  callDurationMs,
  callState,
  callerLabel,
  formatActionTime,
  formatDuration,
  formatLocalDateTime,
  formatLocalTime,
  normalizePhoneInput,
  summarizeArgs,
} from '../../../src/renderer/features/calls/call-format.js';
import { insertTurn, mergeTurns } from '../../../src/renderer/features/calls/transcript.js';
import { summary, turn } from './calls-test-transport.js';

describe('transcript order', () => {
  it('appends in id order and ignores a turn it already has', () => {
    let turns = insertTurn([], turn(1, 'a'));
    turns = insertTurn(turns, turn(2, 'b'));
    const same = insertTurn(turns, turn(2, 'b'));
    expect(same).toBe(turns);
    expect(turns.map((t) => t.id)).toEqual([1, 2]);
  });

  it('puts a late turn where it belongs', () => {
    const turns = insertTurn([turn(1, 'a'), turn(3, 'c')], turn(2, 'b'));
    expect(turns.map((t) => t.text)).toEqual(['a', 'b', 'c']);
  });

  it('merges a fetched transcript with live turns, each once', () => {
    const merged = mergeTurns([turn(1, 'a'), turn(2, 'b')], [turn(2, 'b'), turn(4, 'd'), turn(3, 'c')]);
    expect(merged.map((t) => t.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('call formatting', () => {
  it('shows durations as a clock', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7_400)).toBe('0:07');
    expect(formatDuration(12 * 60_000 + 45_000)).toBe('12:45');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('measures live calls to the appliance clock and ended calls to their end', () => {
    const start = Date.parse('2026-11-23T09:00:00-05:00');
    expect(callDurationMs(summary('c'), start + 65_000)).toBe(65_000);
    expect(callDurationMs(summary('c', { endedAt: '2026-11-23T09:02:30-05:00', active: false }), start + 999_999)).toBe(150_000);
  });

  it('shows practice-local times whatever the zone of this PC', () => {
    expect(formatLocalTime('2026-11-23T09:05:00-05:00', 'en-US')).toBe('9:05 AM');
    expect(formatLocalDateTime('2026-11-23T16:30:00-05:00', 'en-US')).toMatch(/Mon, Nov 23,? 4:30 PM/);
  });

  it('names the caller by name, else by number', () => {
    expect(callerLabel({ callerName: 'Ann Lee', from: '+15555550199' })).toBe('Ann Lee');
    expect(callerLabel({ callerName: null, from: '+15555550199' })).toBe('+1 (555) 555-0199');
    expect(callerLabel({ callerName: null, from: null })).toBe('Unknown caller');
  });

  it('says who has the call', () => {
    expect(callState(summary('c')).label).toBe('Receptionist');
    expect(callState(summary('c', { mode: 'staff' })).label).toBe('Staff has it');
    expect(callState(summary('c', { outcome: 'transferred' })).label).toBe('Transferred to the desk');
    expect(callState(summary('c', { active: false, outcome: 'booked' })).label).toBe('Ended · Booked');
  });

  it('says how long an action took, without false precision', () => {
    expect(formatActionTime(0.42)).toBe('under 1 ms');
    expect(formatActionTime(1.1948959999999715)).toBe('1 ms');
    expect(formatActionTime(1_432)).toBe('1.4 s');
  });

  it('calls a rehearsal a rehearsal', () => {
    expect(callerLabel(summary('r', { callSid: 'RH123', from: null }))).toBe('Rehearsal call');
  });

  it('reads typed phone numbers as E.164', () => {
    expect(normalizePhoneInput('+1 (555) 555-0100')).toBe('+15555550100');
    expect(normalizePhoneInput('555 555 0100')).toBe('+15555550100');
    expect(normalizePhoneInput('1-555-555-0100')).toBe('+15555550100');
    expect(normalizePhoneInput('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhoneInput('front desk')).toBeNull();
    expect(normalizePhoneInput('')).toBeNull();
  });

  it('summarizes action arguments briefly', () => {
    expect(summarizeArgs({ serviceId: 'exam', start: '2026-11-24T10:00', providerId: null })).toBe('serviceId: exam · start: 2026-11-24T10:00');
    expect(summarizeArgs(null)).toBe('');
    expect(summarizeArgs({ text: 'x'.repeat(300) }).length).toBeLessThanOrEqual(140);
  });
});
