import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DATABASE_FILE } from '../../src/main/app/create-core.js';
import { ReplyCollector } from '../../src/main/core/calls/index.js';
import { commands, type AnyEvent, type CommandResult } from '../../src/shared/contract/index.js';
import { createHarness, demoTenant, type Harness } from '../support/core-harness.js';

/**
 * Two practices on one appliance. Every contract command that takes ids is sent naming practice A
 * with practice B's ids: nothing of B may come back, and nothing of B may change (every row of
 * every table that belongs to B is compared before and after, and no event about B is published).
 */
const A = 'other-practice';
const B = 'bright-smiles';
const B_SECRETS = ['Betty Bright', '+15555550142', 'Walter Waiting', '+15555550143', 'Call me about the crown'];

/** Values for fields that are not ids; each command gets only the ones its schema requires. */
const FILLER: Record<string, unknown> = {
  staffName: 'Mallory',
  reason: 'no reason',
  start: '2026-12-01T10:00',
  text: 'hello there',
  outcome: 'completed',
  from: '2026-11-23',
  to: '2026-11-30',
  query: 'Betty',
  customer: { name: 'Mallory' },
  kind: 'google',
  phoneNumber: '+15555550999',
  connectionId: 'no-such-connection',
  address: 'http://127.0.0.1:9/calendar',
  username: 'mallory',
  password: 'not-a-password',
  phone: '+15555550177',
  body: 'hello there',
  entryId: 'no-such-entry',
  fromDate: '2026-11-24',
  toDate: '2026-11-25',
};

type IdKind = 'bookingId' | 'customerId' | 'callId' | 'messageId' | 'serviceId' | 'providerId';
const ID_KINDS: readonly string[] = ['bookingId', 'customerId', 'callId', 'messageId', 'serviceId', 'providerId'];
const ROW_IDS: readonly string[] = ['bookingId', 'customerId', 'callId', 'messageId'];

let harness: Harness;
let db: Database.Database;
const idsOfB: Record<IdKind, string[]> = { bookingId: [], customerId: [], callId: [], messageId: [], serviceId: [], providerId: [] };
const eventsAboutB: AnyEvent[] = [];

/** The fields a command's input can have; a union input (`tunnel/configure`) has those of every option. */
function shapeOf(name: string): Record<string, z.ZodType> {
  type Shaped = { shape?: Record<string, z.ZodType>; options?: Shaped[] };
  const input = commands[name as keyof typeof commands].input as unknown as Shaped;
  return input.shape ?? Object.assign({}, ...(input.options ?? []).map((option) => option.shape ?? {}));
}

const idCommands = Object.keys(commands).filter((name) => Object.keys(shapeOf(name)).some((key) => ID_KINDS.includes(key)));

/** Staff accounts, their sessions and remembered computers belong to the appliance, not to a practice (no tenant_id). */
const APPLIANCE_WIDE = new Set(['staff', 'staff_sessions', 'staff_devices']);

/** Every row of every table that belongs to B, as text. */
function snapshotOfB(): string {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).filter(
    ({ name }) => !APPLIANCE_WIDE.has(name),
  );
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM ${name} WHERE tenant_id = ? ORDER BY rowid`).all(B)]));
}

function inputFor(name: string, ids: Partial<Record<IdKind, string>>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shapeOf(name))) {
    if (key === 'tenantId') input[key] = A;
    else if (ID_KINDS.includes(key)) input[key] = ids[key as IdKind];
    else if (!schema.safeParse(undefined).success) {
      if (!(key in FILLER)) throw new Error(`${name}.${key}: add a filler value for this new required field`);
      input[key] = FILLER[key];
    }
  }
  return input;
}

/** B's names, numbers and notes, and B's row ids other than those the request itself named (an error may echo those). */
function expectNothingOfB(name: string, result: CommandResult, given: Record<string, unknown> = {}): void {
  const text = JSON.stringify(result);
  const named = new Set(Object.values(given).map(String));
  const rowIds = [...idsOfB.bookingId, ...idsOfB.customerId, ...idsOfB.callId, ...idsOfB.messageId].filter((id) => !named.has(id));
  for (const secret of [...B_SECRETS, ...rowIds]) {
    expect(text, `${name} answered with B's ${secret}`).not.toContain(secret);
  }
}

beforeAll(async () => {
  harness = createHarness();
  const { core } = harness;
  core.events.subscribe((event) => {
    if (JSON.stringify(event.payload).includes(B)) eventsAboutB.push(event);
  });
  const a = { ...demoTenant(), id: A, name: 'Other Practice', phoneNumbers: ['+15555550124'] } as Record<string, unknown>;
  a.providers = [{ id: 'a-doc', name: 'Dr. Alpha' }];
  a.services = [{ id: 'a-visit', name: 'Visit', durationMinutes: 30, providerIds: ['a-doc'] }];
  await harness.run('tenants/save', { config: a });

  // B's rows: a confirmed booking, one waiting for review, a live phone call, a message.
  const confirmed = await harness.run('bookings/create', { tenantId: B, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-24T09:00', customer: { phone: '+15555550142', name: 'Betty Bright' } });
  const pending = await core.bookings.book({
    tenantId: B, serviceId: 'exam', providerId: 'dr-lee', start: Date.parse('2026-11-25T15:00:00Z'), status: 'pending_review', source: 'phone', actor: 'receptionist',
    customer: { phone: '+15555550143', name: 'Walter Waiting' }, reviewReason: 'new customer',
  });
  await core.callFlow.incoming({ callSid: 'CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', from: '+15555550142', to: '+15555550123' }, new ReplyCollector());
  const call = core.calls.findBySid('CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
  db = new Database(join(harness.dir, DATABASE_FILE));
  db.prepare("INSERT INTO messages (tenant_id, message_id, call_id, caller_name, callback_number, reason, created_at) VALUES (?, 'msg-b-1', ?, 'Betty Bright', '+15555550142', 'Call me about the crown', 0)").run(B, call?.id ?? null);

  idsOfB.bookingId = [confirmed.id, pending.id];
  idsOfB.customerId = [confirmed.customer.id, pending.customerId ?? ''];
  idsOfB.callId = [call?.id ?? ''];
  idsOfB.messageId = ['msg-b-1'];
  idsOfB.serviceId = ['cleaning', 'exam'];
  idsOfB.providerId = ['maria', 'dr-lee'];
  eventsAboutB.length = 0;
});
afterAll(() => {
  db?.close();
  harness?.close();
});

describe('two practices on one appliance', () => {
  it('covers every command that takes ids', () => {
    expect(idCommands).toEqual(expect.arrayContaining(['bookings/get', 'bookings/cancel', 'bookings/reschedule', 'customers/get', 'customers/update', 'calls/get', 'calls/take-over', 'messages/mark-handled', 'review/approve', 'review/modify']));
    for (const name of idCommands) expect(() => inputFor(name, {}), name).not.toThrow();
  });

  it("with practice A named and B's ids given, no command reads or changes anything of B", async () => {
    const before = snapshotOfB();
    const idFor = (kind: IdKind) => fc.constantFrom(...idsOfB[kind]);
    const ids = fc.record(Object.fromEntries(ID_KINDS.map((kind) => [kind, idFor(kind as IdKind)])) as Record<IdKind, fc.Arbitrary<string>>);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...idCommands), ids, async (name, chosen) => {
        const input = inputFor(name, chosen);
        const result = await harness.core.dispatch(name, input, { actor: 'Mallory', transport: 'internal' });
        // A row of B's named by id is not found in A. (A filter by B's service or provider slug may
        // succeed with an empty answer; rehearsal commands name no practice and only echo the id.)
        const takesRowId = ROW_IDS.some((key) => key in shapeOf(name));
        if (takesRowId && !name.startsWith('rehearsal/')) expect(result.ok ? 'ok' : result.error.code, `${name} for practice A with B's ids`).toBe('not_found');
        expectNothingOfB(name, result, input);
        expect(snapshotOfB(), `${name} changed practice B`).toBe(before);
        expect(eventsAboutB, `${name} published an event about B`).toEqual([]);
      }),
      { numRuns: 300, examples: idCommands.map((name) => [name, Object.fromEntries(ID_KINDS.map((k) => [k, idsOfB[k as IdKind][0]])) as Record<IdKind, string>]) },
    );
  });

  it("lists and searches for practice A return nothing of B's", async () => {
    const listing = Object.keys(commands).filter((name) => 'tenantId' in shapeOf(name) && !idCommands.includes(name));
    expect(listing.length).toBeGreaterThan(5);
    for (const name of listing) {
      const input = inputFor(name, {});
      if (name === 'calls/list-recent' || name === 'customers/search') input[name === 'customers/search' ? 'query' : 'search'] = 'Betty';
      expectNothingOfB(name, await harness.core.dispatch(name, input, { actor: 'Mallory', transport: 'internal' }));
    }
  });
});
