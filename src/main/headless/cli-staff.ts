import { Option, type Command } from 'commander';
import type { StaffMemberDto } from '../../shared/contract/index.js';
import type { Core } from '../app/create-core.js';
import { EXIT, printError, printResult } from './cli-output.js';

/** The first line of standard input: the password, never a flag (flags show in the process list and shell history). */
async function readPassword(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function describe(member: StaffMemberDto): string {
  const sees = member.practices === null ? 'every practice' : member.practices.join(', ');
  return `${member.name}\t${member.role}\t${sees}`;
}

/**
 * `frontdesk staff …`: the people who sign in to the console. The first owner is added here;
 * after that owners can also manage people from Settings. Passwords come from standard input:
 * `printf '%s\n' "$PASSWORD" | frontdesk staff add --name Olivia --role owner`.
 */
export function addStaffCommands(program: Command, openCore: () => Core, setExit: (code: number) => void, stdin: NodeJS.ReadableStream): void {
  const staff = program.command('staff').description('people who sign in to the console');
  staff
    .command('add')
    .description('add a person; the password is read from standard input')
    .requiredOption('--name <name>', 'the name they sign in with')
    .addOption(new Option('--role <role>', 'owner (manages people and settings) or desk').choices(['owner', 'desk']).makeOptionMandatory())
    .option('--practices <ids>', 'comma-separated practice ids they may see (default: every practice)')
    .option('--json', 'print JSON')
    .action(async (o: { name: string; role: 'owner' | 'desk'; practices?: string; json?: boolean }) => {
      const password = await readPassword(stdin);
      if (!password) {
        printError({ code: 'invalid_input', message: 'Give the password on standard input, e.g. printf \'%s\\n\' "$PASSWORD" | frontdesk staff add …' }, Boolean(o.json));
        setExit(EXIT.usage);
        return;
      }
      const practices = o.practices === undefined ? null : o.practices.split(',').map((id) => id.trim()).filter(Boolean);
      const result = await openCore().run('staff/add', { name: o.name, role: o.role, practices, password });
      setExit(printResult(result as never, Boolean(o.json), (m: StaffMemberDto) => `Added ${describe(m)}.`));
    });
  staff
    .command('list')
    .description('list the people who can sign in')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const result = await openCore().run('staff/list', {});
      setExit(
        printResult(result as never, Boolean(o.json), (list: StaffMemberDto[]) =>
          list.length === 0 ? 'Nobody yet. Add the first owner with `frontdesk staff add --name NAME --role owner`.' : list.map(describe).join('\n'),
        ),
      );
    });
  staff
    .command('remove')
    .description('remove a person; their sessions end at once')
    .requiredOption('--name <name>', 'who')
    .option('--json', 'print JSON')
    .action(async (o: { name: string; json?: boolean }) => {
      const result = await openCore().run('staff/remove', { name: o.name });
      setExit(printResult(result as never, Boolean(o.json), (m: StaffMemberDto) => `Removed ${m.name}.`));
    });
}
