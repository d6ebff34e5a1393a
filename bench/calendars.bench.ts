// Calendars: availability with 20,000 calendar events in the busy cache, and syncing from Google
// (the real googleapis client against the HTTP fake from test/support) and from Outlook (Graph
// calendarView/delta with fetch and MSAL, against the fake Microsoft) — a first sync of 5,000
// events and an incremental sync of 50 changes. Run alone: `npx tsx bench/calendars.bench.ts`.
import { DateTime } from 'luxon';
import pino from 'pino';
import { pathToFileURL } from 'node:url';
import { createCore } from '../src/main/app/create-core.js';
import type { ExternalEvent } from '../src/main/core/calendars/index.js';
import { createBookingRepository } from '../src/main/infra/db/repositories/booking-repository.js';
import { FakeGoogle } from '../test/support/google/fake-google.js';
import { MemoryVault } from '../test/support/memory-vault.js';
import { DEFAULT_CALENDAR, FakeMicrosoft, graphTime } from '../test/support/microsoft/fake-microsoft.js';
import { makeTempDir } from '../test/support/temp-dir.js';
import { testConfig } from '../test/support/test-config.js';
import { benchBusy, benchTenant, seededRandom } from './availability.bench.js';
import type { Bench, BenchResult } from './bench-types.js';

const ZONE = 'America/New_York';
const NOW = DateTime.fromISO('2026-03-02T07:30', { zone: ZONE }).toMillis();
const FROM = '2026-03-02';
const TO = DateTime.fromISO(FROM).plus({ days: 89 }).toISODate() as string;
const round = (ms: number) => Math.round(ms * 100) / 100;

async function measureAsync(fn: () => Promise<unknown>, warmup = 5, iterations = 30): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  const sorted = samples.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { median: at(0.5), p95: at(0.95) };
}

/** `count` calendar events spread over the providers' 90 days, of every length an office sees. */
function calendarEvents(providerIds: string[], count: number): Map<string, ExternalEvent[]> {
  const random = seededRandom(11);
  const byProvider = new Map<string, ExternalEvent[]>(providerIds.map((id) => [id, []]));
  const first = DateTime.fromISO(FROM, { zone: ZONE });
  for (let i = 0; i < count; i++) {
    const providerId = providerIds[i % providerIds.length] as string;
    const start = first.plus({ days: Math.floor(random() * 90) }).set({ hour: 7 + Math.floor(random() * 12), minute: 5 * Math.floor(random() * 12) });
    const end = start.plus({ minutes: 15 + 15 * Math.floor(random() * 8) });
    byProvider.get(providerId)?.push({ uid: `ev-${i}`, start: start.toMillis(), end: end.toMillis(), busy: random() > 0.1, bookingId: null, summary: 'Busy' });
  }
  return byProvider;
}

async function availabilityWithCalendars(): Promise<BenchResult[]> {
  const temp = makeTempDir('frontdesk-bench-');
  const core = createCore(testConfig(temp.dir), { clock: { now: () => NOW }, logger: pino({ level: 'silent' }), vault: new MemoryVault() });
  try {
    const tenant = benchTenant(20);
    core.tenants.save(tenant, 'bench');
    const bookings = createBookingRepository(core.db);
    core.db.transaction(() => {
      benchBusy(tenant, 90, 5000).forEach((b, i) =>
        bookings.insert({
          tenantId: 'bench', id: `b${i}`, customerId: null, serviceId: 'visit', providerId: b.providerId, start: b.start, end: b.end, blockedStart: b.start, blockedEnd: b.end,
          status: 'confirmed', holdExpiresAt: null, source: 'staff', idempotencyKey: null, callId: null, reviewReason: null, notes: '', createdAt: NOW, createdBy: 'bench', updatedAt: NOW, updatedBy: 'bench',
        }),
      );
    })();
    const events = calendarEvents(tenant.providers.map((p) => p.id), 20_000);
    for (const [providerId, list] of events) {
      const connection = core.calendarConnections.connect({ tenantId: 'bench', providerId, kind: 'ics', address: `https://feeds.example.com/${providerId}.ics` });
      core.calendarStore.replaceEvents('bench', connection.id, list);
    }
    let slots = 0;
    const timing = await measureAsync(async () => {
      slots = (await core.availability.listSlots({ tenantId: 'bench', serviceId: 'visit', from: FROM, to: TO })).slots.length;
    });
    const name = 'availability: 20 providers × 90 days, 5,000 bookings + 20,000 calendar events, from SQLite';
    return [
      { name: `${name} (median)`, value: round(timing.median), unit: 'ms', target: '< 50 ms median', pass: timing.median < 50, detail: `${slots} slots` },
      { name: `${name} (p95)`, value: round(timing.p95), unit: 'ms' },
    ];
  } finally {
    core.close();
    temp.cleanup();
  }
}

async function googleSync(): Promise<BenchResult[]> {
  const google = await FakeGoogle.start();
  const temp = makeTempDir('frontdesk-bench-');
  const now = Date.parse('2026-11-23T14:00:00Z');
  const core = createCore(testConfig(temp.dir, { google: { clientId: 'bench', clientSecret: 'bench', apiBase: google.baseUrl, oauthBase: google.baseUrl } }), {
    clock: { now: () => now },
    logger: pino({ level: 'silent' }),
    vault: new MemoryVault(),
  });
  try {
    core.seedDemoIfEmpty();
    google.pageSize = 2500; // Google's largest page
    const random = seededRandom(5);
    const event = (i: number) => {
      const start = now + Math.floor(random() * 58 * 24) * 3_600_000;
      return { id: `event${i}`, summary: 'Busy', start: { dateTime: new Date(start).toISOString() }, end: { dateTime: new Date(start + 3_600_000).toISOString() } };
    };
    for (let i = 0; i < 5000; i++) google.upsert('primary', event(i));
    const connection = core.calendarConnections.connect({ tenantId: 'bright-smiles', providerId: 'maria', kind: 'google', address: 'primary', secret: JSON.stringify({ refresh_token: google.issueRefreshToken() }) });
    let started = performance.now();
    const first = await core.calendarSync.syncConnection(connection);
    const firstMs = performance.now() - started;
    for (let i = 0; i < 50; i++) google.upsert('primary', event(i * 7));
    started = performance.now();
    const incremental = await core.calendarSync.syncConnection(core.calendarConnections.get('bright-smiles', connection.id));
    const incrementalMs = performance.now() - started;
    if (!first.ok || first.changed !== 5000 || !incremental.ok || incremental.full || incremental.changed !== 50) {
      throw new Error(`unexpected sync outcome: ${JSON.stringify({ first, incremental })}`);
    }
    return [
      { name: 'Google first sync, 5,000 events (2 pages) into the busy cache', value: round(firstMs), unit: 'ms', detail: 'real googleapis client over loopback HTTP to the fake, token refresh included' },
      { name: 'Google incremental sync, 50 changes (syncToken)', value: round(incrementalMs), unit: 'ms' },
    ];
  } finally {
    core.close();
    temp.cleanup();
    await google.close();
  }
}

async function outlookSync(): Promise<BenchResult[]> {
  const microsoft = await FakeMicrosoft.start();
  const temp = makeTempDir('frontdesk-bench-');
  const now = Date.parse('2026-11-23T14:00:00Z');
  const core = createCore(testConfig(temp.dir, { outlook: { clientId: 'bench', apiBase: microsoft.baseUrl, oauthBase: microsoft.baseUrl } }), {
    clock: { now: () => now },
    logger: pino({ level: 'silent' }),
    vault: new MemoryVault(),
  });
  try {
    core.seedDemoIfEmpty();
    // The real sign-in (MSAL, loopback, PKCE); its own first sync sees an empty calendar.
    const started0 = await core.dispatch('calendars/start-sign-in', { tenantId: 'bright-smiles', providerId: 'maria', kind: 'outlook' }, { actor: 'bench', transport: 'internal' });
    if (!started0.ok) throw new Error(started0.error.message);
    await fetch((started0.output as { url: string }).url);
    let connection = core.calendarStore.listConnections('bright-smiles')[0];
    for (let i = 0; i < 500 && !connection?.lastSyncAt; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      connection = core.calendarStore.listConnections('bright-smiles')[0];
    }
    if (!connection?.lastSyncAt) throw new Error('the Outlook sign-in did not finish');
    const random = seededRandom(5);
    const event = (i: number) => {
      const start = now + Math.floor(random() * 58 * 24) * 3_600_000;
      return { id: `AAMk-event${i}=`, subject: 'Busy', start: graphTime(new Date(start).toISOString()), end: graphTime(new Date(start + 3_600_000).toISOString()) };
    };
    for (let i = 0; i < 5000; i++) microsoft.upsert(DEFAULT_CALENDAR, event(i));
    core.calendarStore.updateConnection('bright-smiles', connection.id, { cursor: null });
    let started = performance.now();
    const first = await core.calendarSync.syncConnection(core.calendarConnections.get('bright-smiles', connection.id));
    const firstMs = performance.now() - started;
    for (let i = 0; i < 50; i++) microsoft.upsert(DEFAULT_CALENDAR, event(i * 7));
    started = performance.now();
    const incremental = await core.calendarSync.syncConnection(core.calendarConnections.get('bright-smiles', connection.id));
    const incrementalMs = performance.now() - started;
    if (!first.ok || !first.full || first.changed !== 5000 || !incremental.ok || incremental.full || incremental.changed !== 50) {
      throw new Error(`unexpected sync outcome: ${JSON.stringify({ first, incremental })}`);
    }
    return [
      { name: 'Outlook first sync, 5,000 events (calendarView/delta, 25 pages of 200) into the busy cache', value: round(firstMs), unit: 'ms', detail: 'fetch over loopback HTTP to the fake Graph; MSAL answers the token from its cache' },
      { name: 'Outlook incremental sync, 50 changes (deltaLink)', value: round(incrementalMs), unit: 'ms' },
    ];
  } finally {
    core.close();
    temp.cleanup();
    await microsoft.close();
  }
}

export const calendarsBench: Bench = async () => [...(await availabilityWithCalendars()), ...(await googleSync()), ...(await outlookSync())];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await calendarsBench()) {
    console.log(`${r.name}: ${r.value.toLocaleString('en-US')} ${r.unit}${r.target ? `  (target ${r.target})` : ''}${r.pass === undefined ? '' : r.pass ? '  PASS' : '  FAIL'}${r.detail ? `\n    ${r.detail}` : ''}`);
  }
}
