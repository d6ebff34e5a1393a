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

const SIGN_IN_WAIT_MS = 10 * 60_000;

/**
 * The browser sign-in from a terminal: the link goes to standard error (open it in a browser on
 * this computer: the redirect comes back to a loopback port of this process), then the command
 * waits for the account's calendars to be connected and prints them.
 */
async function signInFromCli(core: Core, input: { tenantId: string; providerId: string; kind: 'google' | 'outlook'; label?: string | undefined }, json: boolean): Promise<number> {
  const before = await core.run('calendars/list', { tenantId: input.tenantId });
  if (!before.ok) return printResult(before as never, json, () => '');
  const known = new Map((before.output as CalendarConnectionDto[]).map((c) => [c.id, c.lastSyncAt]));
  const started = await core.run('calendars/start-sign-in', { tenantId: input.tenantId, providerId: input.providerId, kind: input.kind, ...(input.label ? { label: input.label } : {}) });
  if (!started.ok) return printResult(started as never, json, () => '');
  process.stderr.write(`Open this link in a browser on this computer to sign in, then come back here:\n\n  ${(started.output as { url: string }).url}\n\nWaiting for the sign-in (up to 10 minutes; Ctrl-C to stop)…\n`);
  for (const giveUp = Date.now() + SIGN_IN_WAIT_MS; Date.now() < giveUp; ) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await core.run('calendars/list', { tenantId: input.tenantId });
    if (!now.ok) continue;
    // New connections, or ones this sign-in reconnected, once their first sync is done.
    const done = (now.output as CalendarConnectionDto[]).filter((c) => c.providerId === input.providerId && c.kind === input.kind && c.lastSyncAt && (!known.has(c.id) || known.get(c.id) !== c.lastSyncAt));
    if (done.length > 0) return printResult({ ok: true, output: done } as never, json, (list: CalendarConnectionDto[]) => list.map((c) => `Connected: ${formatConnection(c)}`).join('\n'));
  }
  printError({ code: 'timeout', message: 'The sign-in was not finished within 10 minutes. Run the command again.' }, json);
  return EXIT.failed;
}

/** `frontdesk calendars connect | list | sync`: the console's calendar settings from the command line. */
export function addCalendarCommands(program: Command, openCore: () => Core, setExit: (code: number) => void): void {
  const calendars = program.command('calendars').description("providers' calendars (Google, Outlook, CalDAV, ICS feeds)");

  calendars
    .command('connect')
    .description('connect a CalDAV calendar (password from standard input), an ICS feed, or Google / Outlook (browser sign-in) to a provider')
    .requiredOption('--tenant <id>', 'practice id')
    .requiredOption('--provider <id>', 'provider (staff member) id')
    .option('--caldav <url>', 'CalDAV calendar or server address (iCloud, Fastmail, Nextcloud…)')
    .option('--username <name>', 'CalDAV user name')
    .option('--ics <url>', 'ICS feed address (read-only busy time)')
    .option('--google', 'sign in to Google Calendar in a browser (prints the link, waits for the sign-in)')
    .option('--outlook', 'sign in to Outlook / Microsoft 365 in a browser (prints the link, waits; every calendar of the account is connected)')
    .option('--label <text>', 'a name for this calendar')
    .option('--not-busy', 'connect it without counting its events as busy time')
    .option('--json', 'print JSON')
    .action(async (o: { tenant: string; provider: string; caldav?: string; username?: string; ics?: string; google?: boolean; outlook?: boolean; label?: string; notBusy?: boolean; json?: boolean }) => {
      const json = Boolean(o.json);
      if ([o.caldav, o.ics, o.google, o.outlook].filter(Boolean).length !== 1) {
        printError({ code: 'invalid_input', message: 'Give exactly one of --caldav URL (with --username), --ics URL, --google or --outlook.' }, json);
        return setExit(EXIT.usage);
      }
      if (o.google || o.outlook) return setExit(await signInFromCli(openCore(), { tenantId: o.tenant, providerId: o.provider, kind: o.google ? 'google' : 'outlook', label: o.label }, json));
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
