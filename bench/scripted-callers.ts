// The scripted-caller corpus through the real call path; prints the figures docs/BENCHMARKS.md records.
// Run: npx tsx bench/scripted-callers.ts
import { startCallHarness } from '../test/support/call-harness.js';
import { scriptedCallers } from '../test/support/callers/corpus.js';
import { GARAGE, SALON } from '../test/support/callers/practices.js';
import { longestRepeat, runCaller, summarize, ZONES, type CallerRun } from '../test/support/callers/run-caller.js';

const h = await startCallHarness();
await h.run('tenants/save', { config: SALON });
await h.run('tenants/save', { config: GARAGE });
const runs: CallerRun[] = [];
for (const caller of scriptedCallers()) runs.push(await runCaller(h, caller, ZONES[caller.practiceNumber] ?? 'America/New_York'));
await h.stop();
const figures = summarize(runs);
console.log(JSON.stringify({ ...figures, longestRepeat: Math.max(...runs.map((r) => longestRepeat(r.replies))) }, null, 2));
for (const r of runs.filter((x) => !x.exact).slice(0, 15)) console.log(`MISS ${r.caller.id} "${r.caller.opening}" wanted ${r.caller.want.date}T${r.caller.want.time} got ${r.bookedAt}${process.env["VERBOSE"] ? `\n  ${r.replies.join("\n  ")}` : ""}`);
