import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { ReplayReportDto } from '../../shared/contract/index.js';
import { createCore, type Core } from '../app/create-core.js';
import { scriptedCallers } from '../app/replay/replay-sources.js';
import { runReplay } from '../app/replay/run-replay.js';
import { EXIT, printError, toErrorShape } from './cli-output.js';

/**
 * `frontdesk replay`: re-runs the practice's last calls (the caller's side of each transcript) or
 * a JSONL file of scripted callers against the current or an edited practice file and either
 * brain, in a scratch copy of the data. Prints each call side by side and exits 1 on a regression.
 */
export function addReplayCommand(program: Command, openCore: () => Core, setExit: (code: number) => void): void {
  program
    .command('replay')
    .description('re-run recorded or scripted calls against a practice file; exits 1 when an outcome or booking time changes')
    .requiredOption('--tenant <id>', 'practice id')
    .option('--last <n>', 'how many of the last calls to replay', '50')
    .option('--practice <file>', 'an edited practice file to test (default: the practice as it is)')
    .option('--brain <rules|llm>', 'which brain answers (default: the one the practice file names)')
    .option('--script <file>', 'a JSONL file of scripted callers: {"lines": [...], "from"?, "at"?, "label"?, "expect"?: {"outcome", "bookingStart"}}')
    .option('--json', 'print the report as JSON')
    .action(async (o: { tenant: string; last: string; practice?: string; brain?: string; script?: string; json?: boolean }) => {
      const json = Boolean(o.json);
      const limit = Number(o.last);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return usage('--last must be a whole number from 1 to 1000', json, setExit);
      if (o.brain !== undefined && o.brain !== 'rules' && o.brain !== 'llm') return usage('--brain must be "rules" or "llm"', json, setExit);
      let practice: unknown;
      let script: string | undefined;
      try {
        if (o.practice) practice = JSON.parse(readFileSync(o.practice, 'utf8'));
        if (o.script) script = readFileSync(o.script, 'utf8');
      } catch (error) {
        return usage(`Could not read ${o.practice ?? o.script}: ${(error as Error).message}`, json, setExit);
      }
      const core = openCore();
      try {
        const tenant = core.tenants.get(o.tenant).config;
        const callers = script === undefined ? undefined : scriptedCallers(script, tenant, core.clock.now());
        const report = await runReplay(
          core,
          { tenantId: o.tenant, limit, ...(practice !== undefined ? { practice } : {}), ...(o.brain ? { brain: o.brain as 'rules' | 'llm' } : {}), ...(callers ? { callers } : {}) },
          createCore,
        );
        process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReplay(report)}\n`);
        setExit(report.regressions > 0 ? EXIT.failed : EXIT.ok);
      } catch (error) {
        const shape = toErrorShape(error);
        printError(shape, json);
        setExit(shape.code === 'invalid_input' || shape.code === 'not_found' ? EXIT.usage : EXIT.failed);
      }
    });
}

function usage(message: string, json: boolean, setExit: (code: number) => void): void {
  printError({ code: 'invalid_input', message }, json);
  setExit(EXIT.usage);
}

function describeResult(r: ReplayReportDto['calls'][number]['before']): string {
  const outcome = r.outcome ?? 'no outcome';
  return r.bookingStart ? `${outcome} ${r.bookingStart.replace('T', ' ')}` : outcome;
}

/** The side-by-side report: one line per call, then the verdict. */
export function formatReplay(report: ReplayReportDto): string {
  if (report.calls.length === 0) return `No finished calls to replay for ${report.tenantId}.`;
  const rows = report.calls.map((c) => {
    const verdict = c.error ? `ERROR: ${c.error}` : c.sameOutcome && c.sameBookingTime ? 'same' : !c.sameOutcome ? 'CHANGED OUTCOME' : 'CHANGED BOOKING TIME';
    return [c.label, describeResult(c.before), describeResult(c.after), verdict];
  });
  const header = ['call', 'before', 'replay', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const verdict =
    report.regressions === 0
      ? `All ${report.calls.length} calls behave the same (${report.brain} brain).`
      : `${report.regressions} of ${report.calls.length} calls changed (${report.brain} brain).`;
  return [line(header), ...rows.map(line), '', verdict].join('\n');
}
