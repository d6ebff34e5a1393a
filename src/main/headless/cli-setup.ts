import type { Command } from 'commander';
import type { PhoneAttachmentDto, PhoneNumberDto, SecretEntry, TunnelStatusDto } from '../../shared/contract/index.js';
import type { Core } from '../app/create-core.js';
import { EXIT, printError, printResult } from './cli-output.js';
import { readSecretFromStdin } from './read-secret.js';

/**
 * `frontdesk secrets|phone|tunnel`: the first-run wizard's steps for servers and scripts, on the
 * same data folder. A running appliance notices each change within a second or two.
 */
export function addSetupCommands(program: Command, openCore: () => Core, setExit: (code: number) => void): void {
  const secrets = program.command('secrets').description('credentials, stored encrypted (values are never printed)');
  secrets
    .command('set')
    .argument('<name>', 'TWILIO_AUTH_TOKEN, NGROK_AUTHTOKEN, DEEPGRAM_API_KEY, OPENAI_API_KEY, …')
    .argument('[value...]')
    .option('--json', 'print JSON')
    .description('store a secret; the value is read from standard input, never from the command line')
    .action(async (name: string, extra: string[], o: { json?: boolean }) => {
      if (extra.length > 0) {
        printError(
          { code: 'invalid_input', message: 'Pass the value on standard input, not as an argument: arguments show in the process list and shell history.' },
          Boolean(o.json),
        );
        return setExit(EXIT.usage);
      }
      const value = await readSecretFromStdin(name);
      const result = await openCore().run('secrets/set', { name, value });
      setExit(printResult(result as never, Boolean(o.json), (s: SecretEntry) =>
        s.fromEnvironment ? `Stored ${s.name}. Note: the environment variable ${s.name} is set and wins over the stored value.` : `Stored ${s.name}.`,
      ));
    });
  secrets
    .command('list')
    .option('--json', 'print JSON')
    .description('list the secrets that are set (names only)')
    .action(async (o: { json?: boolean }) => {
      const result = await openCore().run('secrets/list', {});
      setExit(printResult(result as never, Boolean(o.json), (list: SecretEntry[]) =>
        list.length === 0 ? 'No secrets are set.' : list.map((s) => `${s.name}\tset${s.fromEnvironment ? ' (from the environment)' : ''}`).join('\n'),
      ));
    });
  secrets
    .command('delete')
    .argument('<name>')
    .option('--json', 'print JSON')
    .description('remove a stored secret')
    .action(async (name: string, o: { json?: boolean }) => {
      const result = await openCore().run('secrets/delete', { name });
      setExit(printResult(result as never, Boolean(o.json), (s: SecretEntry) =>
        s.set ? `Removed the stored ${s.name}; the environment still sets it.` : `Removed ${s.name}.`,
      ));
    });

  const phone = program.command('phone').description("the Twilio account's numbers and which practice answers each");
  phone
    .command('list')
    .option('--json', 'print JSON')
    .description("list the Twilio account's numbers")
    .action(async (o: { json?: boolean }) => {
      const result = await openCore().run('phone/list-numbers', {});
      setExit(printResult(result as never, Boolean(o.json), (numbers: PhoneNumberDto[]) =>
        numbers.length === 0
          ? 'This Twilio account has no phone numbers yet. Buy one in the Twilio console.'
          : numbers
              .map((n) => `${n.phoneNumber}\t${n.friendlyName}\t${n.attachedTo ? `attached to ${n.attachedTo}` : 'not attached'}${n.warning ? `\n  warning: ${n.warning}` : ''}`)
              .join('\n'),
      ));
    });
  phone
    .command('attach')
    .requiredOption('--tenant <id>', 'practice id')
    .requiredOption('--number <e164>', 'the number, e.g. +15555550123')
    .option('--json', 'print JSON')
    .description("answer this number for the practice: point its webhooks here and verify them")
    .action(async (o: { tenant: string; number: string; json?: boolean }) => {
      const result = await openCore().run('phone/attach-number', { tenantId: o.tenant, phoneNumber: o.number });
      setExit(printResult(result as never, Boolean(o.json), describeAttachment));
    });
  phone
    .command('detach')
    .requiredOption('--tenant <id>', 'practice id')
    .option('--json', 'print JSON')
    .description("stop answering the practice's number and put its previous webhooks back")
    .action(async (o: { tenant: string; json?: boolean }) => {
      const result = await openCore().run('phone/detach-number', { tenantId: o.tenant });
      setExit(printResult(result as never, Boolean(o.json), (a: PhoneAttachmentDto) => `Detached ${a.phoneNumber} from ${a.tenantId}; its previous webhooks are back.`));
    });

  const tunnel = program.command('tunnel').description('how Twilio reaches this computer');
  const configure = async (input: unknown, json: boolean) => {
    const result = await openCore().run('tunnel/configure', input);
    setExit(printResult(result as never, json, (s: TunnelStatusDto) =>
      s.mode === 'none' ? 'No tunnel: Twilio cannot reach this appliance.' : `Saved. The running appliance switches to ${s.mode === 'ngrok' ? 'ngrok' : 'the URL'} within a few seconds.`,
    ));
  };
  tunnel
    .command('ngrok')
    .option('--domain <host>', 'a reserved or static ngrok domain')
    .option('--json', 'print JSON')
    .description('use ngrok (store its token first: frontdesk secrets set NGROK_AUTHTOKEN)')
    .action((o: { domain?: string; json?: boolean }) => configure({ mode: 'ngrok', ...(o.domain ? { domain: o.domain } : {}) }, Boolean(o.json)));
  tunnel
    .command('url')
    .argument('<url>', 'your https base URL, e.g. https://frontdesk.example.com')
    .option('--json', 'print JSON')
    .description("use your own public URL (a reverse proxy or Cloudflare tunnel to this computer's webhook port)")
    .action((url: string, o: { json?: boolean }) => configure({ mode: 'url', url }, Boolean(o.json)));
  tunnel
    .command('off')
    .option('--json', 'print JSON')
    .description('no tunnel')
    .action((o: { json?: boolean }) => configure({ mode: 'none' }, Boolean(o.json)));
}

function describeAttachment(a: PhoneAttachmentDto): string {
  const head = `Attached ${a.phoneNumber} to ${a.tenantId}.`;
  if (a.verifiedAt !== null && a.pointedAt) return `${head} Its webhooks point to ${a.pointedAt}/twilio/voice (read back from Twilio).`;
  return `${head} ${a.problem ?? 'Not pointed yet.'}`;
}
