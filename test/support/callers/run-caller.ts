import { DateTime } from 'luxon';
import type { CallHarness } from '../call-harness.js';
import type { ScriptedCaller } from './corpus.js';

export interface CallerRun {
  caller: ScriptedCaller;
  /** Every sentence the caller heard, one reply per entry. */
  replies: string[];
  /** Caller turns until the booking was confirmed (null: never booked). */
  turnsToBooking: number | null;
  bookedAt: string | null;
  exact: boolean;
  outcome: string | null;
}

function clockOf(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'AM' : 'PM'}`;
}

/**
 * One scripted caller through the real call path: webhooks signed like Twilio's, the real
 * receptionist, real SQLite. The caller answers what it is asked: a name when asked, yes at the
 * read-back of the time it wants, the wanted time among options (else asks for it again).
 */
export async function runCaller(h: CallHarness, caller: ScriptedCaller, zone: string): Promise<CallerRun> {
  const call = await h.twilio.placeCall({ from: caller.from, to: caller.practiceNumber });
  const replies: string[] = [call.heard().join(' ')];
  const detours = [...caller.detours];
  let turns = 0;
  let turnsToBooking: number | null = null;
  const say = async (text: string) => {
    turns += 1;
    await call.say(text, { confidence: 0.92 });
    // heard() returns what was said since it was last asked: exactly this reply.
    replies.push(call.heard().join(' '));
  };
  await say(caller.opening);
  const wanted = clockOf(caller.want.time);
  for (let guard = 0; guard < 14 && call.state === 'listening'; guard++) {
    const last = replies[replies.length - 1] ?? '';
    if (turnsToBooking === null && /You're all set|pencilled you in/.test(last)) turnsToBooking = turns;
    if (/anything else/i.test(last)) {
      await say('no thanks, that is all');
      break;
    }
    if (detours.length > 0) {
      await say(detours.shift() as string);
      continue;
    }
    if (/your name|name for the appointment|what name/i.test(last)) await say(caller.name);
    else if (/Shall I book it|Is that right/.test(last)) await say(last.includes(wanted) ? 'yes please' : `no, I wanted ${caller.when}`);
    else if (/Which works best|Would that work|Which one|Which time|Which would you like/.test(last)) await say(last.includes(wanted) ? `the ${wanted} one` : `do you have ${caller.when}?`);
    else if (/come in for|kind of appointment/i.test(last)) await say(caller.service);
    else if (/message|front desk/i.test(last)) await say('no, never mind');
    else await say(caller.when);
  }
  if (call.state === 'listening') await call.hangup();
  const calls = await h.run<any[]>('calls/list-recent', { tenantId: tenantOf(caller) });
  const record = calls.find((c) => c.callSid === call.sid);
  const bookings = await h.run<any[]>('bookings/list', { tenantId: tenantOf(caller), statuses: ['confirmed', 'pending_review'] });
  const mine = bookings.find((b) => b.customer?.phone === caller.from);
  const bookedAt = mine ? DateTime.fromISO(mine.start, { setZone: true }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm") : null;
  return { caller, replies, turnsToBooking: mine ? turnsToBooking : null, bookedAt, exact: bookedAt === `${caller.want.date}T${caller.want.time}`, outcome: record?.outcome ?? null };
}

const TENANTS: Record<string, string> = { '+15555550123': 'bright-smiles', '+15555550300': 'shear-joy', '+15555550400': 'lakeside-auto' };
export const ZONES: Record<string, string> = { '+15555550123': 'America/New_York', '+15555550300': 'America/Los_Angeles', '+15555550400': 'America/Chicago' };

export function tenantOf(caller: ScriptedCaller): string {
  return TENANTS[caller.practiceNumber] ?? 'bright-smiles';
}

/** The figures docs/BENCHMARKS.md records. */
export function summarize(runs: readonly CallerRun[]) {
  const booked = runs.filter((r) => r.bookedAt !== null);
  const turns = booked.map((r) => r.turnsToBooking ?? Infinity).sort((a, b) => a - b);
  const at = (q: number) => turns[Math.min(turns.length - 1, Math.floor(q * (turns.length - 1)))] ?? NaN;
  return {
    callers: runs.length,
    exactPercent: (100 * runs.filter((r) => r.exact).length) / runs.length,
    medianTurns: at(0.5),
    p90Turns: at(0.9),
    withoutOutcome: runs.filter((r) => r.outcome === null).length,
  };
}

/** The longest run of the same question (the last sentence of a reply) heard in a row. */
export function longestRepeat(replies: readonly string[]): number {
  let longest = 0;
  let run = 0;
  let previous = '';
  for (const reply of replies) {
    const question = reply.split(/(?<=[.?!])\s+/).pop() ?? '';
    run = question === previous ? run + 1 : 1;
    previous = question;
    longest = Math.max(longest, run);
  }
  return longest;
}
