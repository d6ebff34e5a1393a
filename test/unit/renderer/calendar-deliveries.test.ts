import { describe, expect, it } from 'vitest';
import type { CalendarDeliveryDto } from '../../../src/shared/contract/index.js';
import { deliveryState } from '../../../src/renderer/features/settings/calendar-delivery-state.js';

const base: CalendarDeliveryDto = {
  seq: 7,
  bookingId: 'b1',
  what: 'Teeth cleaning – Ann Lee',
  appointmentAt: '2026-11-24T10:00:00-05:00',
  calendar: "Maria's Outlook",
  change: 'write',
  status: 'pending',
  attempts: 0,
  lastError: null,
  nextAttemptAt: '2026-11-23T09:00:00-05:00',
  queuedAt: '2026-11-23T09:00:00-05:00',
};

describe('deliveryState (the calendar outbox in plain words)', () => {
  it('a change not tried yet is being sent', () => {
    expect(deliveryState(base)).toEqual({ tone: 'neutral', label: 'Sending', detail: null });
  });

  it('a failed try says when the next one is, in the practice\'s time, and why', () => {
    expect(deliveryState({ ...base, attempts: 2, lastError: 'Outlook is having trouble (HTTP 503); retrying.', nextAttemptAt: '2026-11-23T14:05:00-05:00' })).toEqual({
      tone: 'warn',
      label: 'Retrying at 2:05 PM',
      detail: 'Outlook is having trouble (HTTP 503); retrying.',
    });
  });

  it('a change the calendar refused for good says so and what to do', () => {
    expect(deliveryState({ ...base, status: 'failed', attempts: 1, lastError: 'Outlook answered HTTP 400.', nextAttemptAt: null })).toMatchObject({ tone: 'bad', label: 'Not delivered', detail: expect.stringMatching(/HTTP 400\. Change or re-book/) });
  });
});
