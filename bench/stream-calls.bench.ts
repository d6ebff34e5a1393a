// Stream-mode calls at real pace: 50 (then 10) simultaneous callers on Twilio Media Streams, with
// Deepgram faked at its protocol answering instantly. The appliance runs in its own OS process
// (this file, started with FRONTDESK_BENCH_ROLE set), as in production; the simulated Twilio legs
// (20 ms frames each way) and the fake Deepgram run in this one, so their work is not counted.
//
// Figures: server-added latency per turn (final transcript in → first audio frame out, measured in
// the appliance, less the wait for the fake speak socket's first audio); `clear` after barge-in
// detection, timed from the fake writing the Results message that crosses the appliance's
// interruption gate (the same `isInterruption` policy, applied to the turn's words so far) to the
// leg reading `clear` (two loopback hops and both processes' event-loop delay: an upper bound), and
// inside the appliance (that message handled → `clear` written); the largest gap in an answer's
// audio; the appliance's CPU per call; each process's event-loop delay and the load average.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/main/app/index.js';
import { DEFAULT_BARGE_IN, isInterruption, percentile } from '../src/main/core/calls/index.js';
import type { StreamOutput } from '../src/main/server/public/stream-output.js';
import { phraseAudio } from '../test/support/audio/phrase-audio.js';
import { FakeDeepgram } from '../test/support/deepgram/fake-deepgram.js';
import { makeTempDir } from '../test/support/temp-dir.js';
import { TEST_AUTH_TOKEN, testConfig } from '../test/support/test-config.js';
import type { MediaStreamLeg } from '../test/support/twilio/media-stream-leg.js';
import { SimulatedTwilio } from '../test/support/twilio/simulated-twilio.js';
import type { Bench, BenchResult } from './bench-types.js';

const ROLE_ENV = 'FRONTDESK_BENCH_ROLE';
const ROLE = 'stream-appliance';
const PUBLIC_URL = 'https://frontdesk.example.com';
const ACCOUNT_SID = 'AC00000000000000000000000000000000';
const PRACTICE_NUMBER = '+15555550123';
const DEEPGRAM_KEY = 'dg-bench-key';
const MEASURE_MS = Number(process.env.BENCH_STREAM_MEASURE_MS ?? 30_000);
const WARM_UP_CALLS = 5;
const WARM_UP_MS = 6_000;
const QUESTION = 'what are your hours';
const INTERRUPTION = 'I need a cleaning next Tuesday afternoon';

type FromAppliance =
  | { type: 'started'; webhookBase: string }
  | { type: 'stats'; cpuMs: number; serverLatencyMs: number[]; withVendorMs: number[]; maxUnderrunMs: number; bargeInMs: number[]; loopDelayP99Ms: number; loopDelayMaxMs: number };

// ---------------------------------------------------------------------------------------------
// The appliance process.

async function runAppliance(): Promise<void> {
  const { dir } = makeTempDir();
  const config = testConfig(dir, { publicUrl: PUBLIC_URL, serveConsole: false, pinnedNow: Date.parse('2026-11-23T14:00:00Z') });
  config.deepgram = { apiKey: () => DEEPGRAM_KEY, baseUrl: process.env.BENCH_DEEPGRAM_URL! };
  const serverLatencyMs: number[] = [];
  const withVendorMs: number[] = [];
  const outputs = new Map<string, StreamOutput>();
  const bargeInMs: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const app = createApp(config, {
    mediaStream: {
      onBargeIn: (_callSid, { inputAt, clearAt }) => bargeInMs.push(clearAt - inputAt),
      onOutput: (callSid, output) => outputs.set(callSid, output),
      onLatency: (callSid, l) => {
        if (l.firstAudioAt === null || l.turn <= 1) return;
        // The server's own share: the wait for text-to-speech's first audio is the vendor's.
        const vendor = outputs.get(callSid)?.lastAnswerVendorWaitMs ?? 0;
        withVendorMs.push(l.firstAudioAt - l.finalAt);
        serverLatencyMs.push(l.firstAudioAt - l.finalAt - vendor);
      },
    },
  });
  const { webhookUrl } = await app.start();
  const tenant = (await app.dispatch('tenants/get', { tenantId: 'bright-smiles' }, { actor: 'bench', transport: 'internal' })) as { ok: true; output: Record<string, unknown> };
  await app.dispatch('tenants/save', { config: { ...tenant.output, voice: { mode: 'stream', ttsVoice: 'aura-2-thalia-en', sttModel: 'nova-3' } } }, { actor: 'bench', transport: 'internal' });
  let cpuAtMark = process.cpuUsage();
  process.on('message', (message: { type: string }) => {
    if (message.type === 'mark') {
      cpuAtMark = process.cpuUsage();
      serverLatencyMs.length = 0;
      withVendorMs.length = 0;
      bargeInMs.length = 0;
      loop.reset();
    }
    if (message.type === 'stats') {
      const used = process.cpuUsage(cpuAtMark);
      const maxUnderrunMs = Math.max(0, ...[...outputs.values()].map((o) => o.maxUnderrunMs));
      process.send!({ type: 'stats', cpuMs: (used.user + used.system) / 1000, serverLatencyMs, withVendorMs, maxUnderrunMs, bargeInMs, ...loopDelay(loop) } satisfies FromAppliance);
    }
    if (message.type === 'stop') void app.stop().then(() => process.exit(0));
  });
  process.send!({ type: 'started', webhookBase: webhookUrl.replace(/\/twilio\/voice$/, '') } satisfies FromAppliance);
}

// ---------------------------------------------------------------------------------------------
// The callers.

function ask<T extends FromAppliance['type']>(child: ChildProcess, type: T, send?: string): Promise<Extract<FromAppliance, { type: T }>> {
  return new Promise((resolve) => {
    const on = (message: FromAppliance) => {
      if (message.type !== type) return;
      child.off('message', on);
      resolve(message as Extract<FromAppliance, { type: T }>);
    };
    child.on('message', on);
    if (send) child.send({ type: send });
  });
}

interface CallerFigures {
  clearMs: number[];
  maxGapMs: number;
  turns: number;
}

/** One caller: asks a question, listens to the answer, and every second turn cuts the answer off. */
async function caller(twilio: SimulatedTwilio, deepgram: FakeDeepgram, from: string, until: number): Promise<CallerFigures> {
  const call = await twilio.placeCall({ from, to: PRACTICE_NUMBER });
  const leg = call.stream;
  if (!leg) throw new Error(`call is ${call.state}, not streaming: ${call.lastTwiml}`);
  const figures: CallerFigures = { clearMs: [], maxGapMs: 0, turns: 0 };
  await played(leg, 0);
  let turn = 0;
  while (performance.now() < until) {
    turn++;
    const since = leg.fromApp.length;
    await leg.say(phraseAudio(QUESTION));
    if (turn % 2 === 0) {
      await leg.until(() => leg.playedFrames > 0 && leg.fromApp.slice(since).some((m) => m.event === 'media'), 'an answer to cut off', 60_000);
      const sentAt = performance.now();
      const before = leg.clears;
      await leg.say(phraseAudio(INTERRUPTION));
      await leg.until(() => leg.clears > before, 'clear', 60_000);
      const clearAt = leg.arrivals[lastIndexOf(leg, 'clear')]!;
      const trigger = triggerTime(deepgram, call.sid, sentAt);
      if (trigger !== null) figures.clearMs.push(clearAt - trigger);
      await played(leg, leg.fromApp.length);
    } else {
      await played(leg, since);
    }
    figures.maxGapMs = Math.max(figures.maxGapMs, largestGap(leg, since));
    figures.turns++;
  }
  await call.hangup();
  return figures;
}

/**
 * When the fake sent the Results message that crosses the receptionist's interruption gate: the
 * first one since `after` whose words of the turn so far are an interruption by the same policy the
 * appliance applies. Before it the appliance could not know the caller is cutting in (one content
 * word, "I need", is still possibly a backchannel); from it, `clear` should follow at once.
 */
function triggerTime(deepgram: FakeDeepgram, callSid: string, after: number): number | null {
  const listen = deepgram.listens.find((l) => l.query.get('tag') === callSid);
  return listen?.resultsSent.find((r) => r.at >= after && isInterruption(r.turnWords, DEFAULT_BARGE_IN))?.at ?? null;
}

function loopDelay(histogram: IntervalHistogram): { loopDelayP99Ms: number; loopDelayMaxMs: number } {
  return { loopDelayP99Ms: histogram.percentile(99) / 1e6, loopDelayMaxMs: histogram.max / 1e6 };
}

function lastIndexOf(leg: MediaStreamLeg, event: string): number {
  for (let i = leg.fromApp.length - 1; i >= 0; i--) if (leg.fromApp[i]!.event === event) return i;
  return -1;
}

/** An answer is over when Twilio has played all of it and nothing more came for this long. */
const QUIET_MS = 300;

async function played(leg: MediaStreamLeg, since: number): Promise<void> {
  await leg.until(() => leg.fromApp.slice(since).some((m) => m.event === 'media'), 'an answer', 60_000);
  // A drained buffer alone may be the appliance running late between two sentences (an underrun):
  // a caller who spoke then would be cutting in, which this caller does only on purpose.
  for (;;) {
    await leg.until(() => leg.drained, 'the answer to play', 60_000);
    const count = leg.fromApp.length;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    if (leg.fromApp.length === count && leg.drained) return;
  }
}

/** The longest pause between audio frames of one answer, as Twilio received them. */
function largestGap(leg: MediaStreamLeg, since: number): number {
  let last: number | null = null;
  let gap = 0;
  for (let i = since; i < leg.fromApp.length; i++) {
    const event = leg.fromApp[i]!.event;
    if (event === 'clear') last = null;
    if (event !== 'media') continue;
    const at = leg.arrivals[i]!;
    // Frames are sent ahead of real time; a gap that matters is the sender falling behind playback.
    if (last !== null) gap = Math.max(gap, at - last);
    last = at;
  }
  return gap;
}

async function round(calls: number): Promise<BenchResult[]> {
  const deepgram = new FakeDeepgram(DEEPGRAM_KEY, { msPerCharacter: 40 });
  const deepgramUrl = await deepgram.start();
  deepgram.learn(phraseAudio(QUESTION), QUESTION);
  deepgram.learn(phraseAudio(INTERRUPTION), INTERRUPTION);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, [ROLE_ENV]: ROLE, BENCH_DEEPGRAM_URL: deepgramUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const { webhookBase } = await ask(child, 'started');
    const twilio = new SimulatedTwilio({ webhookBase, publicUrl: PUBLIC_URL, authToken: TEST_AUTH_TOKEN, accountSid: ACCOUNT_SID });
    // Warm-up: a fresh appliance's first answers run cold code (JIT, SQLite statements); the figures are for steady state.
    await Promise.all(Array.from({ length: WARM_UP_CALLS }, (_, i) => caller(twilio, deepgram, `+1555690${String(i).padStart(4, '0')}`, performance.now() + WARM_UP_MS)));
    child.send({ type: 'mark' });
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const loadAtStart = loadavg()[0]!;
    const started = performance.now();
    const until = started + MEASURE_MS;
    const figures = await Promise.all(Array.from({ length: calls }, (_, i) => caller(twilio, deepgram, `+1555700${String(i).padStart(4, '0')}`, until)));
    const wallMs = performance.now() - started;
    loop.disable();
    const callersLoop = loopDelay(loop);
    const loadAtEnd = loadavg()[0]!;
    const stats = await ask(child, 'stats', 'stats');
    const server = stats.serverLatencyMs;
    const clear = figures.flatMap((f) => f.clearMs);
    const receivedGap = Math.max(...figures.map((f) => f.maxGapMs));
    const maxGap = stats.maxUnderrunMs;
    const cpuPerCall = stats.cpuMs / wallMs / calls;
    const detail = `${calls} calls, ${figures.reduce((n, f) => n + f.turns, 0)} turns, ${clear.length} barge-ins over ${(wallMs / 1000).toFixed(0)} s; load average ${loadAtStart.toFixed(2)} → ${loadAtEnd.toFixed(2)}`;
    const loops = `event-loop delay p99 / max: appliance ${round1(stats.loopDelayP99Ms)} / ${round1(stats.loopDelayMaxMs)} ms, callers + fake Deepgram ${round1(callersLoop.loopDelayP99Ms)} / ${round1(callersLoop.loopDelayMaxMs)} ms`;
    return [
      { name: `stream ${calls} calls: server latency p50 (final transcript → first frame, TTS wait excluded)`, value: round1(percentile(server, 50)), unit: 'ms', detail },
      { name: `stream ${calls} calls: server latency p99`, value: round1(percentile(server, 99)), unit: 'ms', target: '< 30 ms', pass: (percentile(server, 99) ?? Infinity) < 30 },
      {
        name: `stream ${calls} calls: clear after barge-in detection p99 (the deciding Results leaves the fake Deepgram → Twilio receives clear)`,
        value: round1(percentile(clear, 99)),
        unit: 'ms',
        target: '< 50 ms',
        pass: (percentile(clear, 99) ?? Infinity) < 50,
        detail: `p50 ${round1(percentile(clear, 50))} ms, max ${round1(Math.max(...clear))} ms; ${loops}`,
      },
      {
        name: `stream ${calls} calls: clear after barge-in inside the appliance p99 (deciding Results handled → clear written to Twilio's socket)`,
        value: round1(percentile(stats.bargeInMs, 99)),
        unit: 'ms',
        detail: `${stats.bargeInMs.length} barge-ins`,
      },
      {
        name: `stream ${calls} calls: final transcript → first frame incl. the fake TTS round trip p50 / p99`,
        value: round1(percentile(stats.withVendorMs, 50)),
        unit: 'ms',
        detail: `p99 ${round1(percentile(stats.withVendorMs, 99))} ms`,
      },
      {
        name: `stream ${calls} calls: largest gap in an answer's audio (Twilio's buffer ran dry)`,
        value: round1(maxGap),
        unit: 'ms',
        target: '<= 100 ms',
        pass: maxGap <= 100,
        detail: `largest spacing between frames as the simulated Twilio received them: ${round1(receivedGap)} ms (frames are sent up to 120 ms ahead)`,
      },
      {
        name: `stream ${calls} calls: appliance CPU per call`,
        value: round1(cpuPerCall * 100),
        unit: '% of a core',
        target: calls === 50 ? '50 calls < 1 core' : undefined,
        pass: calls === 50 ? cpuPerCall * calls < 1 : undefined,
        detail: `all ${calls} calls: ${round1(cpuPerCall * calls * 100)} % of one core`,
      } as BenchResult,
    ];
  } finally {
    child.send({ type: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
    await deepgram.stop();
  }
}

function round1(value: number | null): number {
  return value === null ? NaN : Math.round(value * 10) / 10;
}

export const streamCallsBench: Bench = async () => [...(await round(50)), ...(await round(10))];

if (process.env[ROLE_ENV] === ROLE) {
  await runAppliance();
} else if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  for (const r of await streamCallsBench()) {
    console.log(`${r.name}: ${r.value} ${r.unit}${r.target ? `  (target ${r.target})` : ''}${r.pass === undefined ? '' : r.pass ? '  PASS' : '  FAIL'}`);
    if (r.detail) console.log(`    ${r.detail}`);
  }
}
