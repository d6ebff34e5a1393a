// `npm run bench`: every benchmark, one table, plus the machine it ran on.
import { cpus, totalmem } from 'node:os';
import { availabilityBench } from './availability.bench.js';
import type { BenchResult } from './bench-types.js';
import { bookingsBench } from './bookings.bench.js';
import { calendarsBench } from './calendars.bench.js';
import { llmBrainBench } from './llm-brain.bench.js';
import { streamCallsBench } from './stream-calls.bench.js';
import { understandingBench } from './understanding.bench.js';
import { understandCliBench, webhookLatencyBench } from './webhook-latency.bench.js';

const benches = [availabilityBench, bookingsBench, calendarsBench, understandingBench, llmBrainBench, webhookLatencyBench, understandCliBench, streamCallsBench];

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`);
const results: BenchResult[] = [];
for (const bench of benches) results.push(...(await bench()));
console.log('');
for (const r of results) {
  const verdict = r.pass === undefined ? '' : r.pass ? '  PASS' : '  FAIL';
  console.log(`${r.name}: ${r.value.toLocaleString('en-US')} ${r.unit}${r.target ? `  (target ${r.target})` : ''}${verdict}`);
  if (r.detail) console.log(`    ${r.detail}`);
}
process.exitCode = results.some((r) => r.pass === false) ? 1 : 0;
