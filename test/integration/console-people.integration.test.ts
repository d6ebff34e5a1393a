import { describe, expect, it } from 'vitest';
import { call, collectEvents, nextFrame } from '../support/console-socket.js';
import { A, B, output, signIn, stopConsoleAppsAfterEach, twoPractices } from '../support/console-staff-app.js';

stopConsoleAppsAfterEach();

const refused = (code: string, message?: string | RegExp) => ({ ok: false, error: { code, ...(message ? { message } : {}) } });

describe('owners managing people through the WebSocket', () => {
  it('lets an owner add, change, reset and remove people, and refuses all of it to a desk account', async () => {
    const ctx = await twoPractices();
    const olivia = await ctx.open();
    const dana = await ctx.open();
    await signIn(olivia, 'Olivia Owner', 'owner-password-1');
    await signIn(dana, 'Dana Desk', 'dana-password-1');

    const onlyOwners = refused('unauthorized', 'Only an owner can do that.');
    expect(await call(dana, 'staff/list', {})).toMatchObject(onlyOwners);
    expect(await call(dana, 'staff/add', { name: 'Eve', role: 'owner', password: 'eve-password-1' })).toMatchObject(onlyOwners);
    expect(await call(dana, 'staff/update', { name: 'Dana Desk', role: 'owner' })).toMatchObject(onlyOwners);
    expect(await call(dana, 'staff/update', { name: 'Dana Desk', practices: null })).toMatchObject(onlyOwners);
    expect(await call(dana, 'staff/reset-password', { name: 'Olivia Owner', password: 'taken-over-1' })).toMatchObject(onlyOwners);
    expect(await call(dana, 'staff/remove', { name: 'Ben Desk' })).toMatchObject(onlyOwners);

    expect(output(await call(olivia, 'staff/add', { name: 'Carl Clerk', role: 'desk', practices: [B], password: 'carl-password-1' }))).toEqual({
      name: 'Carl Clerk',
      role: 'desk',
      practices: [B],
    });
    expect(output(await call(olivia, 'staff/update', { name: 'carl clerk', practices: [A, B] }))).toEqual({ name: 'Carl Clerk', role: 'desk', practices: [A, B] });
    expect(output(await call(olivia, 'staff/update', { name: 'Carl Clerk', role: 'owner', practices: null }))).toEqual({ name: 'Carl Clerk', role: 'owner', practices: null });
    expect(await call(olivia, 'staff/update', { name: 'Carl Clerk', practices: ['nowhere'] })).toMatchObject(refused('invalid_input', 'There is no practice "nowhere".'));
    expect(await call(olivia, 'staff/update', { name: 'Carl Clerk', practices: [] })).toMatchObject(refused('invalid_input', /at least one practice/));

    // A new password works at once; the old one does not.
    const carl = await ctx.open();
    await signIn(carl, 'Carl Clerk', 'carl-password-1');
    expect(output(await call(olivia, 'staff/reset-password', { name: 'Carl Clerk', password: 'carl-password-2' }))).toMatchObject({ name: 'Carl Clerk' });
    expect(await call(carl, 'tenants/list', {})).toMatchObject(refused('unauthorized'));
    const again = await ctx.open();
    expect(await call(again, 'session/sign-in', { name: 'Carl Clerk', password: 'carl-password-1' })).toMatchObject(refused('unauthorized'));
    await signIn(again, 'Carl Clerk', 'carl-password-2');

    expect(output(await call(olivia, 'staff/remove', { name: 'Carl Clerk' }))).toMatchObject({ name: 'Carl Clerk' });
    expect(output(await call(olivia, 'staff/list', {})).map((s: { name: string }) => s.name)).toEqual(['Ben Desk', 'Dana Desk', 'Olivia Owner']);
  });

  it('never removes or demotes the last owner', async () => {
    const ctx = await twoPractices();
    const olivia = await ctx.open();
    await signIn(olivia, 'Olivia Owner', 'owner-password-1');
    expect(await call(olivia, 'staff/remove', { name: 'Olivia Owner' })).toMatchObject(refused('conflict', 'You cannot remove yourself; ask another owner.'));
    expect(await call(olivia, 'staff/update', { name: 'Olivia Owner', role: 'desk' })).toMatchObject(refused('conflict'));
    // Through the appliance itself (as the command line acts) the rule holds too.
    const internal = (name: string, input: unknown) => ctx.app.dispatch(name, input, { actor: 'test', transport: 'internal' });
    expect(await internal('staff/remove', { name: 'Olivia Owner' })).toMatchObject(
      refused('conflict', 'Olivia Owner is the last owner; make someone else an owner before removing them.'),
    );
    expect(await internal('staff/update', { name: 'Olivia Owner', role: 'desk' })).toMatchObject(
      refused('conflict', 'Olivia Owner is the last owner; make someone else an owner before changing their role.'),
    );
    // With a second owner, the first may go.
    await ctx.internal('staff/update', { name: 'Ben Desk', role: 'owner' });
    expect(await internal('staff/update', { name: 'Olivia Owner', role: 'desk', practices: [A] })).toMatchObject({ ok: true });
  });
});

describe('changes reach the person\'s open sessions at once', () => {
  it('stops pushing a practice live to a desk account whose access to it was removed', async () => {
    const ctx = await twoPractices();
    const olivia = await ctx.open();
    const dana = await ctx.open();
    await signIn(olivia, 'Olivia Owner', 'owner-password-1');
    await signIn(dana, 'Dana Desk', 'dana-password-1');
    await ctx.internal('staff/update', { name: 'Dana Desk', practices: [A, B] });
    const book = (tenantId: string, start: string) =>
      ctx.internal('bookings/create', { tenantId, serviceId: 'exam', providerId: 'dr-lee', start, customer: { name: 'Rex' } });

    const seesB = nextFrame(dana, (f) => f.kind === 'event' && f.name === 'bookings/changed');
    await book(B, '2026-11-24T10:00');
    expect(await seesB).toMatchObject({ payload: { tenantId: B } });

    // No clock moves: the change applies on the spot, not at the next periodic re-check.
    const toldOfChange = nextFrame(dana, (f) => f.kind === 'event' && f.name === 'staff/changed');
    expect(output(await call(olivia, 'staff/update', { name: 'Dana Desk', practices: [A] }))).toMatchObject({ practices: [A] });
    await toldOfChange;
    const seen = collectEvents(dana);
    await book(B, '2026-11-24T11:00');
    const seesA = nextFrame(dana, (f) => f.kind === 'event' && f.name === 'bookings/changed');
    await book(A, '2026-11-24T11:00');
    await seesA;
    const tenantsSeen = seen.map((f) => (f.kind === 'event' ? (f.payload as { tenantId?: string }).tenantId : null)).filter(Boolean);
    expect(new Set(tenantsSeen)).toEqual(new Set([A]));
    expect(await call(dana, 'bookings/list', { tenantId: B })).toMatchObject(refused('not_found'));
  });

  it('tells a removed person\'s console at once, and refuses everything after', async () => {
    const ctx = await twoPractices();
    const olivia = await ctx.open();
    const ben = await ctx.open();
    await signIn(olivia, 'Olivia Owner', 'owner-password-1');
    await signIn(ben, 'Ben Desk', 'ben-password-1');
    const told = nextFrame(ben, (f) => f.kind === 'event' && f.name === 'staff/changed');
    await call(olivia, 'staff/remove', { name: 'Ben Desk' });
    await told;
    expect(output(await call(ben, 'session/get', {}))).toEqual({ staff: null, signInRequired: true });
    expect(await call(ben, 'tenants/list', {})).toMatchObject(refused('unauthorized'));
  });
});

describe('adding a practice from the console', () => {
  it('derives the id from the name, reads the local phone number, fills sensible defaults, and tells every console', async () => {
    const ctx = await twoPractices();
    const olivia = await ctx.open();
    const dana = await ctx.open();
    await signIn(olivia, 'Olivia Owner', 'owner-password-1');
    await signIn(dana, 'Dana Desk', 'dana-password-1');
    const essentials = { name: 'Clínica Sonrisa & Co.', timezone: 'America/Chicago', phone: '(312) 555-0142', language: 'es' as const, providerName: 'Dra. Ruiz' };

    expect(await call(dana, 'tenants/create', essentials)).toMatchObject(refused('unauthorized', 'Only an owner can do that.'));

    const told = nextFrame(olivia, (f) => f.kind === 'event' && f.name === 'tenants/changed');
    const created = output(await call(olivia, 'tenants/create', essentials));
    expect(created).toMatchObject({ id: 'clinica-sonrisa-co', name: 'Clínica Sonrisa & Co.', timezone: 'America/Chicago', providerCount: 1, serviceCount: 1 });
    expect(await told).toMatchObject({ payload: { tenantIds: ['clinica-sonrisa-co'] } });
    const config = output(await call(olivia, 'tenants/get', { tenantId: 'clinica-sonrisa-co' }));
    expect(config).toMatchObject({ country: 'US', locale: 'es-US', languages: ['es'], transferNumber: '+13125550142', greeting: 'Gracias por llamar a Clínica Sonrisa & Co. ¿En qué le puedo ayudar?' });
    expect(config.hours.mon).toEqual([['09:00', '17:00']]);
    expect(config.hours.sat).toEqual([]);
    // The desk account limited to one practice does not see the new one.
    expect(output(await call(dana, 'tenants/list', {})).map((t: { id: string }) => t.id)).toEqual([A]);

    // The same name again gets an id of its own.
    expect(output(await call(olivia, 'tenants/create', { ...essentials, phone: '' }))).toMatchObject({ id: 'clinica-sonrisa-co-2' });
  });

  it('refuses what the practice file schema refuses, naming the field in people\'s words', async () => {
    const ctx = await twoPractices();
    const olivia = await ctx.open();
    await signIn(olivia, 'Olivia Owner', 'owner-password-1');
    const base = { name: 'Lakeside Dental', timezone: 'America/New_York', phone: '', language: 'en' as const, providerName: 'Dr. Park' };
    expect(await call(olivia, 'tenants/create', { ...base, phone: '555-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: [expect.stringMatching(/^phone: enter the front-desk number the way you dial it/)] },
    });
    expect(await call(olivia, 'tenants/create', { ...base, timezone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: ['timezone: choose a time zone from the list'] } });
    const hours = { mon: [['17:00', '09:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(await call(olivia, 'tenants/create', { ...base, hours })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [expect.stringContaining('hours.mon[0]')] } });
    expect(output(await call(olivia, 'tenants/list', {}))).toHaveLength(2);
  });
});
