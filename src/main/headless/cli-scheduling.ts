import type { Command } from 'commander';
import { DateTime } from 'luxon';
import type { BookingDto, SlotDto } from '../../shared/contract/index.js';
import type { Core } from '../app/create-core.js';
import { printResult } from './cli-output.js';

type Run = (name: string, input: unknown, json: boolean, human: (output: never) => string) => Promise<void>;

/** `frontdesk availability …` and `frontdesk bookings …`: the same contract commands the console uses. */
export function addSchedulingCommands(program: Command, openCore: () => Core, setExit: (code: number) => void): void {
  const run: Run = async (name, input, json, human) => {
    const result = await openCore().run(name, input);
    setExit(printResult(result as never, json, human as (output: unknown) => string));
  };

  program
    .command('availability')
    .description('free slots for a service, with ISO-8601 local offsets')
    .requiredOption('--tenant <id>', 'practice id')
    .requiredOption('--service <id>', 'service id')
    .option('--provider <id>', 'one provider (default: any who offers the service)')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action(async (o: { tenant: string; service: string; provider?: string; from: string; to: string; json?: boolean }) => {
      const result = await openCore().run('availability/list-slots', { tenantId: o.tenant, serviceId: o.service, providerId: o.provider ?? null, from: o.from, to: o.to });
      const slim = result.ok ? { ok: true as const, output: (result.output as { slots: SlotDto[] }).slots.map(({ providerId, start, end }) => ({ providerId, start, end })) } : result;
      setExit(printResult(slim, Boolean(o.json), (slots: { providerId: string; start: string; end: string }[]) => formatSlots(slots)));
    });

  const bookings = program.command('bookings').description('appointments');
  bookings
    .command('list')
    .requiredOption('--tenant <id>', 'practice id')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action((o: { tenant: string; from?: string; to?: string; json?: boolean }) =>
      run('bookings/list', { tenantId: o.tenant, ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) }, Boolean(o.json), ((list: BookingDto[]) =>
        list.length === 0 ? 'No bookings.' : list.map(formatBooking).join('\n')) as never),
    );
  bookings
    .command('create')
    .requiredOption('--tenant <id>', 'practice id')
    .requiredOption('--service <id>', 'service id')
    .requiredOption('--provider <id>', 'provider id')
    .requiredOption('--start <iso>', 'start, e.g. 2026-11-24T09:00 (practice time) or with an offset')
    .option('--phone <number>', "customer's phone number")
    .option('--name <name>', "customer's name")
    .option('--notes <text>', 'notes for the desk')
    .option('--idempotency-key <key>', 'makes a retried create harmless')
    .option('--json', 'print JSON')
    .action((o: { tenant: string; service: string; provider: string; start: string; phone?: string; name?: string; notes?: string; idempotencyKey?: string; json?: boolean }) =>
      run(
        'bookings/create',
        {
          tenantId: o.tenant,
          serviceId: o.service,
          providerId: o.provider,
          start: o.start,
          customer: { ...(o.phone ? { phone: o.phone } : {}), ...(o.name ? { name: o.name } : {}) },
          ...(o.notes ? { notes: o.notes } : {}),
          ...(o.idempotencyKey ? { idempotencyKey: o.idempotencyKey } : {}),
        },
        Boolean(o.json),
        ((b: BookingDto) => `Booked: ${formatBooking(b)}`) as never,
      ),
    );
  bookings
    .command('cancel')
    .requiredOption('--tenant <id>', 'practice id')
    .requiredOption('--id <bookingId>', 'booking id')
    .option('--reason <text>', 'why')
    .option('--json', 'print JSON')
    .action((o: { tenant: string; id: string; reason?: string; json?: boolean }) =>
      run('bookings/cancel', { tenantId: o.tenant, bookingId: o.id, ...(o.reason ? { reason: o.reason } : {}) }, Boolean(o.json), ((b: BookingDto) => `Cancelled: ${formatBooking(b)}`) as never),
    );
  bookings
    .command('reschedule')
    .requiredOption('--tenant <id>', 'practice id')
    .requiredOption('--id <bookingId>', 'booking id')
    .requiredOption('--start <iso>', 'new start')
    .option('--provider <id>', 'move to another provider')
    .option('--json', 'print JSON')
    .action((o: { tenant: string; id: string; start: string; provider?: string; json?: boolean }) =>
      run('bookings/reschedule', { tenantId: o.tenant, bookingId: o.id, start: o.start, ...(o.provider ? { providerId: o.provider } : {}) }, Boolean(o.json), ((b: BookingDto) => `Moved: ${formatBooking(b)}`) as never),
    );
}

function formatSlots(slots: { providerId: string; start: string; end: string }[]): string {
  if (slots.length === 0) return 'No free slots in that range.';
  const byDay = new Map<string, string[]>();
  for (const slot of slots) {
    const start = DateTime.fromISO(slot.start, { setZone: true });
    const day = start.toFormat('ccc d LLL yyyy');
    const list = byDay.get(day) ?? [];
    list.push(`${start.toFormat('HH:mm')} ${slot.providerId}`);
    byDay.set(day, list);
  }
  return [...byDay].map(([day, times]) => `${day}: ${times.join(', ')}`).join('\n');
}

function formatBooking(b: BookingDto): string {
  const who = b.customer ? [b.customer.name, b.customer.phone].filter(Boolean).join(' ') : 'no customer';
  return `${b.id}  ${b.start}  ${b.serviceName} with ${b.providerName}  ${who}  [${b.status}]`;
}
