import { understand } from '../src/main/core/conversation/understanding/index.js';
import { NOW, demoTenant } from '../test/unit/conversation/understanding/fixtures.js';
import { PHRASES } from '../test/unit/conversation/understanding/phrases.js';
import type { Bench, BenchResult } from './bench-types.js';

const TARGET_PER_SECOND = 2_000;
const UTTERANCES = 5_000;

/**
 * `understand` runs on every call turn and in bulk (`frontdesk understand --jsonl`): utterances
 * per second over the phrasing corpus, cycled, on one warm tenant (its vocabulary built once, as
 * in production), plus the cost of the first utterance for a new tenant object.
 */
export const understandingBench: Bench = async () => {
  const tenant = demoTenant();
  const texts = PHRASES.map((p) => p.text);
  for (let i = 0; i < 500; i++) understand(texts[i % texts.length] as string, { tenant, now: NOW });
  // A new tenant object (a config edit, another practice) rebuilds its vocabulary on first use.
  const coldTenant = demoTenant();
  const coldStarted = performance.now();
  understand(texts[0] as string, { tenant: coldTenant, now: NOW });
  const coldMs = performance.now() - coldStarted;

  const durations: number[] = [];
  const started = performance.now();
  for (let i = 0; i < UTTERANCES; i++) {
    const t0 = performance.now();
    understand(texts[i % texts.length] as string, { tenant, now: NOW + i * 60_000 });
    durations.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  const perSecond = Math.round((UTTERANCES / elapsed) * 1000);
  durations.sort((a, b) => a - b);
  const p99 = durations[Math.floor(durations.length * 0.99)] ?? Number.NaN;

  const results: BenchResult[] = [
    {
      name: 'understand: utterances per second',
      value: perSecond,
      unit: 'utterances/s',
      target: `≥ ${TARGET_PER_SECOND.toLocaleString('en-US')}/s`,
      pass: perSecond >= TARGET_PER_SECOND,
      detail: `${UTTERANCES.toLocaleString('en-US')} utterances from ${texts.length} corpus phrasings; p99 ${p99.toFixed(3)} ms each`,
    },
    { name: 'understand: first utterance for a new tenant (builds its vocabulary)', value: Number(coldMs.toFixed(2)), unit: 'ms' },
  ];
  return results;
};
