// The LLM brain's own cost per turn, with a model that answers instantly: prompt building, tool
// execution through the real action router and SQLite, the consent and invented-time guards, the
// call record. Run alone with `npx tsx bench/llm-brain.bench.ts`.
import { collectReply } from '../src/main/core/calls/index.js';
import { DateTime } from 'luxon';
import { cpus, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createCore } from '../src/main/app/create-core.js';
import type { LlmChunk, LlmClient, LlmRequest } from '../src/main/core/conversation/index.js';
import { FakeClock } from '../test/support/fake-clock.js';
import type { ModelStep, ReceivedRequest } from '../test/support/openai/fake-openai-server.js';
import { scriptedReceptionist } from '../test/support/openai/scripted-receptionist.js';
import { makeTempDir } from '../test/support/temp-dir.js';
import { testConfig } from '../test/support/test-config.js';
import type { Bench, BenchResult } from './bench-types.js';

const CALLS = 200;
/** Calls before measuring: the JIT keeps optimising the call path for the first few dozen calls. */
const WARM_UP_CALLS = 50;
const TARGET_P99_MS = 5;

/** The scripted receptionist as an in-process model that streams its answer at once. */
function instantModel(): LlmClient {
  const script = scriptedReceptionist();
  let index = 0;
  return {
    endpoint: () => ({ baseUrl: 'in-process', defaultModel: 'instant', configured: true }),
    async *stream(request: LlmRequest): AsyncIterable<LlmChunk> {
      const step: ModelStep = script({ headers: {}, body: { model: request.model, messages: request.messages as ReceivedRequest['body']['messages'] } }, index++);
      if (step.kind !== 'reply') throw new Error('the instant model only replies');
      if (step.text) for (const piece of step.text.match(/.{1,12}/gs) ?? []) yield { kind: 'text', text: piece };
      for (const [i, call] of (step.toolCalls ?? []).entries()) {
        const args = JSON.stringify(call.args ?? {});
        yield { kind: 'tool_call', index: i, id: `call_${index}_${i}`, name: call.name, arguments: args.slice(0, 10) };
        yield { kind: 'tool_call', index: i, arguments: args.slice(10) };
      }
      yield { kind: 'finish', reason: step.toolCalls?.length ? 'tool_calls' : 'stop' };
      yield { kind: 'usage', promptTokens: 900, completionTokens: 40 };
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

export const llmBrainBench: Bench = async () => {
  const { dir, cleanup } = makeTempDir('frontdesk-bench-llm-');
  const clock = FakeClock.at('2026-11-23T14:00:00Z');
  // SQLite checkpoints off the call path, as the running appliance (createApp) has them.
  const core = createCore(testConfig(dir, { serveConsole: false }), { clock, llmClient: instantModel(), walCheckpoints: 'background' });
  try {
    core.seedDemoIfEmpty();
    const practice = { ...core.tenants.get('bright-smiles').config, brain: 'llm' as const };
    core.tenants.save(practice, 'bench');
    // The brain's own share of each turn (the call flow's record-keeping around it is not the brain's).
    let brainMs = 0;
    let brainCpuMs = 0;
    // The call flow streams each turn (`Brain.stream`): the brain's share runs from the call until its result.
    // With a real model the call flow records and speaks each sentence while the model writes the next;
    // with an instant one that bookkeeping would interleave with the brain's own work and be counted as
    // the brain's. So the call flow is handed the turn's sentences once the brain has finished.
    const stream = core.brain.stream!.bind(core.brain);
    core.brain.stream = (input) => {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const turn = stream(input as never);
      const buffered: string[] = [];
      const reading = (async () => {
        for await (const sentence of turn.sentences) buffered.push(sentence);
      })();
      const measured = turn.result.finally(() => {
        brainMs = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        brainCpuMs = (cpu.user + cpu.system) / 1000;
      });
      const sentences = {
        async *[Symbol.asyncIterator]() {
          await measured.catch(() => undefined);
          await reading;
          yield* buffered;
        },
      };
      return { sentences, result: measured };
    };
    // The actions' share (availability, holds, bookings in SQLite): the same work the rules brain's turns do.
    let actionsCpuMs = 0;
    const run = core.actions.run.bind(core.actions);
    core.actions.run = (async (name: never, args: never, context: never) => {
      const cpu0 = process.cpuUsage();
      try {
        return await run(name, args, context);
      } finally {
        const cpu = process.cpuUsage(cpu0);
        actionsCpuMs += (cpu.user + cpu.system) / 1000;
      }
    }) as typeof core.actions.run;
    const ownCpu: number[] = [];
    // Callers ask for different days and halves of the day (weekdays of the coming weeks), so the book
    // never fills up: every measured call books.
    const wishes = Array.from({ length: 40 }, (_, i) => `on ${DateTime.fromISO('2026-11-30').plus({ days: Math.floor(i / 2) + 2 * Math.floor(i / 10) }).toFormat('MMMM d')} in the ${i % 2 ? 'afternoon' : 'morning'}`);
    const linesOf = (c: number) => [`I need a cleaning ${wishes[c % wishes.length]}`, 'the first one', 'yes please', "that's all, bye"];
    const durations: number[] = [];
    // CPU time is what the turn itself costs; wall time also counts whatever else the machine runs.
    const cpuTimes: number[] = [];
    const wholeTurns: number[] = [];
    let booked = 0;
    for (let c = 0; c < CALLS + WARM_UP_CALLS; c++) {
      const callSid = `CABENCH${String(c).padStart(6, '0')}`;
      await collectReply((out) => core.callFlow.incoming({ callSid, from: `+1555556${String(c).padStart(4, '0')}`, to: '+15555550123', rehearsal: true }, out));
      for (const line of linesOf(c)) {
        clock.advance(5_000);
        const t0 = performance.now();
        actionsCpuMs = 0;
        await collectReply((out) => core.callFlow.gather({ callSid, speech: line, confidence: 0.93, digits: '' }, out));
        const whole = performance.now() - t0;
        // A long-running appliance is warm: the first calls only warm up the JIT and the caches.
        if (c >= WARM_UP_CALLS) {
          durations.push(brainMs);
          cpuTimes.push(brainCpuMs);
          ownCpu.push(Math.max(0, brainCpuMs - actionsCpuMs));
          wholeTurns.push(whole);
        }
      }
      if (c >= WARM_UP_CALLS && core.calls.findBySid(callSid)?.outcome === 'booked') booked++;
      core.callFlow.status({ callSid, status: 'completed', sequence: null });
    }
    // The numbers are for calls that book; a script gone wrong would measure cheaper turns.
    if (booked !== CALLS) throw new Error(`only ${booked} of ${CALLS} measured calls booked`);
    durations.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    wholeTurns.sort((a, b) => a - b);
    ownCpu.sort((a, b) => a - b);
    const p50 = percentile(durations, 0.5);
    const p99 = percentile(durations, 0.99);
    const load = (await import('node:os')).loadavg()[0] ?? 0;
    const results: BenchResult[] = [
      {
        name: 'LLM brain: cost per turn with an instant model (p99)',
        value: Number(p99.toFixed(2)),
        unit: 'ms',
        target: `< ${TARGET_P99_MS} ms p99`,
        pass: p99 < TARGET_P99_MS,
        detail: `${durations.length} turns over ${CALLS} calls (${booked} booked through check_availability → hold_slot → read-back → yes → book_appointment); brain p50 ${p50.toFixed(2)} ms, max ${(durations.at(-1) ?? 0).toFixed(2)} ms; whole webhook turn incl. the call record p50 ${percentile(wholeTurns, 0.5).toFixed(2)} ms, p99 ${percentile(wholeTurns, 0.99).toFixed(2)} ms; load average ${load.toFixed(1)}`,
      },
      {
        name: 'LLM brain: CPU per turn with an instant model (p99)',
        value: Number(percentile(cpuTimes, 0.99).toFixed(2)),
        unit: 'ms p99',
        detail: `p50 ${percentile(cpuTimes, 0.5).toFixed(2)} ms CPU; each turn: prompt building, streaming, tool calls through the real router and SQLite, the consent and invented-time guards`,
      },
      {
        name: 'LLM brain: CPU per turn without the actions it runs (prompt, streaming, guards; p99)',
        value: Number(percentile(ownCpu, 0.99).toFixed(2)),
        unit: 'ms p99',
        target: `< ${TARGET_P99_MS} ms p99`,
        pass: percentile(ownCpu, 0.99) < TARGET_P99_MS,
        detail: `p50 ${percentile(ownCpu, 0.5).toFixed(2)} ms CPU; the actions (availability, holds, bookings) are the same work the rules brain's turns do`,
      },
    ];
    return results;
  } finally {
    core.close();
    cleanup();
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`);
  for (const r of await llmBrainBench()) {
    console.log(`${r.name}: ${r.value} ${r.unit}${r.target ? `  (target ${r.target})` : ''}${r.pass === undefined ? '' : r.pass ? '  PASS' : '  FAIL'}`);
    if (r.detail) console.log(`    ${r.detail}`);
  }
}
