import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import type { TenantConfig, TenantSummary } from '../../shared/contract/index.js';
// Only the core: the CLI never starts listeners, so it does not load the Twilio SDK.
import { loadConfig, SETTINGS } from '../app/config.js';
import { createCore, type Core } from '../app/create-core.js';
import { EXIT, printError, printResult, toErrorShape } from './cli-output.js';
import { addSchedulingCommands } from './cli-scheduling.js';
import { addSetupCommands } from './cli-setup.js';
import { addReplayCommand } from './cli-replay.js';
import { addStaffCommands } from './cli-staff.js';
import { addUnderstandCommand } from './cli-understand.js';
import { addCalendarCommands } from './cli-calendars.js';

/**
 * `frontdesk`: the appliance's commands from a shell. It opens the same data folder as the
 * running appliance (SQLite WAL + busy timeout make that safe) and runs the same contract
 * commands, so the console and the CLI cannot disagree.
 */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  let core: Core | null = null;
  const openCore = (): Core => {
    core ??= createCore(loadConfig({ FRONTDESK_LOG_LEVEL: 'warn', ...env }, argv, { serveConsole: false }));
    return core;
  };
  let exitCode: number = EXIT.ok;
  const program = new Command('frontdesk')
    .description('Frontdesk appliance commands')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.addHelpText(
    'after',
    `\nSettings (anywhere on the line, or as environment variables):\n${Object.values(SETTINGS)
      .map((s) => `  --${s.flag} <value>  (${s.env})`)
      .join('\n')}`,
  );

  const tenant = program.command('tenant').description('practices (tenants) on this appliance');
  tenant
    .command('import')
    .argument('<file>', 'a tenant JSON file (see resources/tenant.schema.json)')
    .option('--json', 'print JSON')
    .description('add a practice or replace its configuration')
    .action((file: string, options: { json?: boolean }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        printError({ code: 'invalid_input', message: `Could not read ${file}: ${(error as Error).message}` }, Boolean(options.json));
        exitCode = EXIT.usage;
        return;
      }
      return openCore()
        .run('tenants/save', { config: raw })
        .then((result) => {
          exitCode = printResult(result as never, Boolean(options.json), (s: TenantSummary) => `Imported ${s.name} (${s.id}).`);
        });
    });
  tenant
    .command('export')
    .argument('<id>', 'tenant id')
    .option('--json', 'errors as JSON too')
    .description('print a practice configuration as a tenant JSON file')
    .action((id: string, options: { json?: boolean }) =>
      openCore()
        .run('tenants/get', { tenantId: id })
        .then((result) => {
          // The file itself is JSON either way; --json only changes how errors read.
          exitCode = printResult(result as never, Boolean(options.json), (c: TenantConfig) => JSON.stringify(c, null, 2));
        }),
    );
  tenant
    .command('list')
    .option('--json', 'print JSON')
    .description('list the practices')
    .action((options: { json?: boolean }) =>
      openCore()
        .run('tenants/list', {})
        .then((result) => {
          exitCode = printResult(result as never, Boolean(options.json), (list: TenantSummary[]) =>
            list.length === 0
              ? 'No practices yet. Import one with `frontdesk tenant import FILE`.'
              : list.map((t) => `${t.id}\t${t.name}\t${t.timezone}\t${t.phoneNumbers.join(', ')}`).join('\n'),
          );
        }),
    );

  addSchedulingCommands(program, openCore, (code) => (exitCode = code));
  addUnderstandCommand(program, openCore, (code) => (exitCode = code));
  addSetupCommands(program, openCore, (code) => (exitCode = code));
  addCalendarCommands(program, openCore, (code) => (exitCode = code));
  addReplayCommand(program, openCore, (code) => (exitCode = code));
  addStaffCommands(program, openCore, (code) => (exitCode = code), stdin);

  try {
    await program.parseAsync(withoutSettingFlags(argv), { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    printError(toErrorShape(error), argv.includes('--json'));
    exitCode = toErrorShape(error).code === 'invalid_input' ? EXIT.usage : EXIT.failed;
  } finally {
    (core as Core | null)?.close();
  }
  return exitCode;
}

const SETTING_FLAGS = new Set(Object.values(SETTINGS).map((s) => `--${s.flag}`));

/** Setting flags are read by `loadConfig`; commander only sees the command itself. */
function withoutSettingFlags(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (SETTING_FLAGS.has(arg)) i++;
    else if (!SETTING_FLAGS.has(arg.split('=')[0] ?? '')) out.push(arg);
  }
  return out;
}
