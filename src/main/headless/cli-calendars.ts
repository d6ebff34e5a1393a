import type { Command } from 'commander';
import type { CalendarConnectionDto } from '../../shared/contract/index.js';
import type { Core } from '../app/create-core.js';
import { EXIT, printError, printResult } from './cli-output.js';

const STATUS_WORDS: Record<CalendarConnectionDto['status'], string> = { ok: 'ok', error: 'failing', reconnect: 'RECONNECT' };

function formatConnection(c: CalendarConnectionDto): string {
  const flags = [c.countsAsBusy ? 'busy' : 'not busy', c.receivesBookings ? 'gets bookings' : null].filter(Boolean).join(', ');
  const synced = c.lastSyncAt ? `synced ${c.lastSyncAt}` : 'never synced';
  return `${c.id}\t${c.providerId}\t${c.kind}\t${STATUS_WORDS[c.status]}\t${synced}\t${c.label} (${flags})${c.lastError ? `\n    ${c.lastError}` : ''}`;
}

/** The password arrives on standard input (never as a flag, which the process list would show). */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (app-specific password), then Enter and Ctrl-D: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** `frontdesk calendars connect | list | sync`: the console's calendar settings from the command line. */
export function addCalendarCommands(program: Command, openCore: () => Core, setExit: (code: number) => void): void {
  const calendars = program.command('calendars').description("providers' calendars (CalDAV, ICS feeds; Google through the console's sign-in)");

  calendars
    .command('connect')
    .description('connect a CalDAV calendar (password from standard input) or an ICS feed to a provider')
    .requiredOption('--tenant <id>', 'practice id')
    .requiredOption('--provider <id>', 'provider (staff member) id')
    .option('--caldav <url>', 'CalDAV calendar or server address (iCloud, Fastmail, Nextcloud…)')
    .option('--username <name>', 'CalDAV user name')
    .option('--ics <url>', 'ICS feed address (read-only busy time)')
    .option('--label <text>', 'a name for this calendar')
    .option('--not-busy', 'connect it without counting its events as busy time')
    .option('--json', 'print JSON')
    .action(async (o: { tenant: string; provider: string; caldav?: string; username?: string; ics?: string; label?: string; notBusy?: boolean; json?: boolean }) => {
      const json = Boolean(o.json);
      if (Boolean(o.caldav) === Boolean(o.ics)) {
        printError({ code: 'invalid_input', message: 'Give exactly one of --caldav URL (with --username) or --ics URL.' }, json);
        return setExit(EXIT.usage);
      }
      const common = { tenantId: o.tenant, providerId: o.provider, ...(o.label ? { label: o.label } : {}), ...(o.notBusy ? { countsAsBusy: false } : {}) };
      let input: Record<string, unknown>;
      if (o.caldav) {
        if (!o.username) {
          printError({ code: 'invalid_input', message: 'A CalDAV calendar needs --username; the password is read from standard input.' }, json);
          return setExit(EXIT.usage);
        }
        const password = await readStdin();
        if (!password) {
          printError({ code: 'invalid_input', message: 'No password on standard input. Example: printf %s "$APP_PASSWORD" | frontdesk calendars connect …' }, json);
          return setExit(EXIT.usage);
        }
        input = { ...common, kind: 'caldav', address: o.caldav, username: o.username, password };
      } else {
        input = { ...common, kind: 'ics', address: o.ics };
      }
      const result = await openCore().run('calendars/connect', input);
      setExit(printResult(result as never, json, (c: CalendarConnectionDto) => `Connected: ${formatConnection(c)}`));
    });

  calendars
    .command('list')
    .description('connected calendars with their status, last sync and errors')
    .requiredOption('--tenant <id>', 'practice id')
    .option('--json', 'print JSON')
    .action(async (o: { tenant: string; json?: boolean }) => {
      const result = await openCore().run('calendars/list', { tenantId: o.tenant });
      setExit(printResult(result as never, Boolean(o.json), (list: CalendarConnectionDto[]) => (list.length === 0 ? 'No calendars connected.' : list.map(formatConnection).join('\n'))));
    });

  calendars
    .command('sync')
    .description('sync every calendar of the practice now')
    .requiredOption('--tenant <id>', 'practice id')
    .option('--json', 'print JSON')
    .action(async (o: { tenant: string; json?: boolean }) => {
      const result = await openCore().run('calendars/sync', { tenantId: o.tenant });
      const failed = result.ok && (result.output as { ok: boolean }[]).some((r) => !r.ok);
      setExit(
        printResult(result as never, Boolean(o.json), (outcomes: { connectionId: string; ok: boolean; full: boolean; changed: number; conflicts: number; error: string | null }[]) =>
          outcomes.length === 0
            ? 'No calendars connected.'
            : outcomes.map((r) => (r.ok ? `${r.connectionId}\tok\t${r.full ? 'full' : 'incremental'}, ${r.changed} changed, ${r.conflicts} sent to review` : `${r.connectionId}\tfailed\t${r.error}`)).join('\n'),
        ) || (failed ? EXIT.failed : EXIT.ok),
      );
    });
}
