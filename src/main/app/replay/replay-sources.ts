import { DateTime } from 'luxon';
import { z } from 'zod';
import { ContractError, CALL_OUTCOMES, formatIssues, type TenantConfig } from '../../../shared/contract/index.js';
import type { Core } from '../create-core.js';

type CallOutcomeName = (typeof CALL_OUTCOMES)[number];

/** One caller to replay: who called, when, and what they said, in order. */
export interface ReplayCaller {
  id: string;
  label: string;
  from: string | null;
  to: string;
  at: number;
  lines: string[];
  /** What happened on record (or what the script expects); null: run the current practice to find out. */
  expected: { outcome: CallOutcomeName | null; bookingStart: string | null } | null;
}

/** The local start of the booking a call made or moved (from its action log), "YYYY-MM-DDTHH:MM". */
export function bookingStartOf(core: Core, tenant: TenantConfig, callId: string): string | null {
  const done = core.calls.recordedActions(tenant.id, callId).filter((a) => a.ok && (a.action === 'book_appointment' || a.action === 'reschedule_appointment'));
  const last = done.at(-1)?.result as { bookingId?: string; start?: number } | undefined;
  if (!last?.bookingId) return null;
  // The booking as it is now; a rehearsal's test booking is gone once the rehearsal ends, so then
  // the instant the action recorded.
  const start = core.bookings.find(tenant.id, last.bookingId)?.start ?? last.start;
  return start === undefined ? null : DateTime.fromMillis(start, { zone: tenant.timezone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The caller's side of the practice's last `limit` finished calls, oldest first. */
export function recordedCallers(core: Core, tenant: TenantConfig, limit: number): ReplayCaller[] {
  return core.calls
    .listRecent(tenant.id, { limit })
    .filter((c) => !c.active)
    .map((summary) => {
      const record = core.calls.get(tenant.id, summary.id);
      const lines = core.calls.heard(tenant.id, record.id).filter((l) => l.speaker === 'caller').map((l) => l.text);
      return {
        id: record.id,
        label: `${DateTime.fromMillis(record.startedAt, { zone: tenant.timezone }).toFormat('LLL d HH:mm')} ${record.callerName ?? record.from ?? 'unknown caller'}`,
        from: record.from,
        to: record.to,
        at: record.startedAt,
        lines,
        expected: { outcome: record.outcome, bookingStart: bookingStartOf(core, tenant, record.id) },
      };
    })
    .filter((c) => c.lines.length > 0)
    .sort((a, b) => a.at - b.at);
}

const scriptedCaller = z.strictObject({
  label: z.string().max(200).optional(),
  from: z.string().max(40).nullable().optional(),
  /** When the call happens (ISO instant); default: now. */
  at: z.string().optional(),
  lines: z.array(z.string().max(2000)).min(1),
  expect: z.strictObject({ outcome: z.enum(CALL_OUTCOMES).nullable().optional(), bookingStart: z.string().nullable().optional() }).optional(),
});

/** A JSONL file of scripted callers: one `{"lines": [...], "from"?, "at"?, "label"?, "expect"?}` per line. */
export function scriptedCallers(text: string, tenant: TenantConfig, now: number): ReplayCaller[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line && !line.startsWith('#'))
    .map(({ line, n }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new ContractError('invalid_input', `Line ${n} is not JSON.`);
      }
      const parsed = scriptedCaller.safeParse(raw);
      if (!parsed.success) throw new ContractError('invalid_input', `Line ${n}: ${formatIssues(parsed.error).join('; ')}`);
      const c = parsed.data;
      const at = c.at ? DateTime.fromISO(c.at, { setZone: true }) : null;
      if (at && !at.isValid) throw new ContractError('invalid_input', `Line ${n}: "at" must be an ISO instant such as 2026-11-23T14:00:00Z.`);
      return {
        id: `script-${n}`,
        label: c.label ?? `line ${n}`,
        from: c.from ?? null,
        to: tenant.phoneNumbers[0] ?? 'replay',
        at: at ? at.toMillis() : now,
        lines: c.lines,
        expected: c.expect ? { outcome: c.expect.outcome ?? null, bookingStart: c.expect.bookingStart ?? null } : null,
      };
    });
}
