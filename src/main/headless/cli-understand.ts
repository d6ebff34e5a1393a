import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import type { UnderstandingDto } from '../../shared/contract/index.js';
import type { Core } from '../app/create-core.js';
import { EXIT, printError, printResult } from './cli-output.js';

/**
 * `frontdesk understand`: how the receptionist reads a sentence. With --jsonl it reads
 * `{"text", "now"?}` per stdin line and writes one result per line, so owners and tests can check
 * phrasing in bulk; a bad line gets an `{"error"}` line and the rest carry on.
 */
export function addUnderstandCommand(program: Command, openCore: () => Core, setExit: (code: number) => void): void {
  program
    .command('understand')
    .description('show how the receptionist understands a sentence')
    .requiredOption('--tenant <id>', 'practice id')
    .option('--now <iso>', 'the moment the caller speaks (default: the clock)')
    .option('--json', 'print JSON')
    .option('--jsonl', 'read {"text","now"?} objects from stdin, one per line; write one result per line')
    .argument('[text...]', 'what the caller says')
    .action(async (words: string[], o: { tenant: string; now?: string; json?: boolean; jsonl?: boolean }) => {
      const core = openCore();
      if (!o.jsonl) {
        if (words.length === 0) {
          printError({ code: 'invalid_input', message: 'Give the sentence to understand, or use --jsonl with lines on stdin.' }, Boolean(o.json));
          setExit(EXIT.usage);
          return;
        }
        const result = await core.run('conversation/understand', { tenantId: o.tenant, text: words.join(' '), ...(o.now ? { now: o.now } : {}) });
        setExit(printResult(result as never, Boolean(o.json), (u: UnderstandingDto) => formatUnderstanding(u)));
        return;
      }
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      const out: string[] = [];
      let failures = 0;
      for await (const line of lines) {
        if (!line.trim()) continue;
        let request: { text?: unknown; now?: unknown };
        try {
          request = JSON.parse(line) as { text?: unknown; now?: unknown };
        } catch {
          out.push(JSON.stringify({ error: { code: 'invalid_input', message: 'line is not JSON' } }));
          failures++;
          continue;
        }
        const result = await core.run('conversation/understand', {
          tenantId: o.tenant,
          text: request.text,
          ...(request.now !== undefined ? { now: request.now } : o.now ? { now: o.now } : {}),
        });
        out.push(JSON.stringify(result.ok ? result.output : { error: result.error }));
        if (!result.ok) failures++;
        // Write in batches: one syscall per line would cap throughput far below the parser's.
        if (out.length >= 256) process.stdout.write(`${out.splice(0).join('\n')}\n`);
      }
      if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
      setExit(failures > 0 ? EXIT.failed : EXIT.ok);
    });
}

function formatUnderstanding(u: UnderstandingDto): string {
  const fields = Object.entries(u)
    .filter(([key, value]) => key !== 'intent' && key !== 'confidence' && value !== null)
    .map(([key, value]) => `${key}=${String(value)}`);
  return `${u.intent} (${u.confidence.toFixed(2)})${fields.length ? `  ${fields.join('  ')}` : ''}`;
}
