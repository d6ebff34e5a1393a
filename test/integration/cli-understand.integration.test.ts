import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { makeTempDir } from '../support/temp-dir.js';
import { CALLER_PHRASES } from '../support/caller-phrases.js';

const DEMO_PRACTICE = resolve(import.meta.dirname, '..', '..', 'resources', 'demo-practice.json');
const TENANT = 'bright-smiles';
/** Monday 23 November 2026, 9 AM in the practice's zone (America/New_York). */
const NOW = '2026-11-23T14:00:00Z';
const KEYS = ['confidence', 'date', 'intent', 'name', 'partOfDay', 'phone', 'providerId', 'serviceId', 'time'];

let env: Record<string, string>;
let cleanup: () => void;

beforeAll(async () => {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  env = { FRONTDESK_DATA_DIR: temp.dir };
  const imported = await runCli(['tenant', 'import', DEMO_PRACTICE], env);
  expect(imported, imported.stderr).toMatchObject({ code: 0 });
});

afterAll(() => cleanup?.());

/** `frontdesk understand --json` for one sentence: the reference every bulk answer must match. */
async function understandOne(text: string, now: string = NOW): Promise<Record<string, unknown>> {
  const result = await runCli(['understand', '--tenant', TENANT, '--now', now, '--json', text], env);
  expect(result, result.stderr).toMatchObject({ code: 0 });
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('frontdesk understand', () => {
  it('resolves a booking sentence relative to --now in the practice zone', async () => {
    const u = await understandOne('I need a cleaning tomorrow afternoon with Maria');
    expect(u).toEqual({
      intent: 'book',
      confidence: expect.any(Number),
      date: '2026-11-24',
      time: null,
      partOfDay: 'afternoon',
      serviceId: 'cleaning',
      providerId: 'maria',
      name: null,
      phone: null,
    });
    expect(u.confidence).toBeGreaterThan(0.5);
  });

  it('takes "tomorrow" from the practice calendar, not UTC', async () => {
    // 03:30 UTC on the 24th is still 22:30 on Monday the 23rd in New York.
    const lateEvening = await understandOne('can I see Dr. Patel tomorrow at 10:30 am for an exam', '2026-11-24T03:30:00Z');
    expect(lateEvening).toMatchObject({ date: '2026-11-24', time: '10:30', serviceId: 'exam', providerId: 'dr-patel' });
    // Across a year end, with the caller's own offset.
    expect(await understandOne('tomorrow at 3', '2026-12-31T23:30:00-05:00')).toMatchObject({ date: '2027-01-01', time: '15:00' });
  });

  it('prints exactly the understanding fields with --json', async () => {
    const u = await understandOne('this is Ann Lee, my number is 555 555 0199, I want a filling on Friday morning');
    expect(Object.keys(u).sort()).toEqual(KEYS);
    expect(u).toMatchObject({ name: 'Ann Lee', phone: '+15555550199', serviceId: 'filling', date: '2026-11-27', partOfDay: 'morning' });
    expect(typeof u.intent).toBe('string');
    expect(typeof u.confidence).toBe('number');
  });

  it('prints one readable line for people', async () => {
    const result = await runCli(['understand', '--tenant', TENANT, '--now', NOW, 'I need a cleaning tomorrow afternoon with Maria'], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatch(/^book \(0\.\d\d\)/);
    for (const part of ['date=2026-11-24', 'partOfDay=afternoon', 'serviceId=cleaning', 'providerId=maria']) expect(line).toContain(part);
    // Empty fields are left out rather than printed as null, and it is not JSON.
    expect(line).not.toContain('null');
    expect(line).not.toContain('{');
  });

  it('refuses an unknown practice with a clear error and a failing exit code', async () => {
    const human = await runCli(['understand', '--tenant', 'no-such-practice', '--now', NOW, 'what are your hours'], env);
    expect(human.code).not.toBe(0);
    expect(human.stdout).toBe('');
    expect(human.stderr).toContain('no-such-practice');

    const json = await runCli(['understand', '--tenant', 'no-such-practice', '--json', 'what are your hours'], env);
    expect(json.code).not.toBe(0);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('is a usage error (exit 2) without a sentence', async () => {
    const result = await runCli(['understand', '--tenant', TENANT], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/sentence/i);
  });

  it('is a usage error (exit 2) for a --now that is not an instant', async () => {
    const result = await runCli(['understand', '--tenant', TENANT, '--now', 'next tuesday', 'what are your hours'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--now');
  });
});

describe('frontdesk understand --jsonl', () => {
  const TEXTS = [...CALLER_PHRASES, 'tomorrow at 3'];
  // Lines that carry their own "now": a call late on New Year's Eve, and one in spring after the clocks change.
  const OWN_NOWS = ['2026-12-31T23:30:00-05:00', '2027-03-15T13:00:00Z'];
  const LINES = 3_000;
  const MALFORMED_AT = 1_234;

  /** The phrasings whose answer depends on the day; some of their lines bring their own "now". */
  const DATED = new Set([0, 1, 5, 7, 11]);

  /** Line i's request: the phrasings in turn, every 5th dated one with its own "now"; null is the malformed line. */
  function request(i: number): { text: string; now?: string } | null {
    if (i === MALFORMED_AT) return null;
    const k = i % TEXTS.length;
    const text = TEXTS[k]!;
    return i % 5 === 0 && DATED.has(k) ? { text, now: OWN_NOWS[Math.floor(i / TEXTS.length) % OWN_NOWS.length]! } : { text };
  }

  it('answers 3,000 lines in order, each as the single-sentence command does, and survives a malformed line', async () => {
    const requests = Array.from({ length: LINES }, (_, i) => request(i));
    const stdin = requests.map((r) => (r === null ? '{"text": "unterminated' : JSON.stringify(r))).join('\n') + '\n';

    const started = performance.now();
    const result = await runCli(['understand', '--tenant', TENANT, '--now', NOW, '--jsonl'], env, stdin);
    const seconds = (performance.now() - started) / 1000;
    console.log(`frontdesk understand --jsonl: ${LINES} lines in ${seconds.toFixed(2)} s (${Math.round(LINES / seconds)} lines/s, process start-up included; information only)`);

    // One line failed, so the command reports failure, after answering everything else.
    expect(result.code).toBe(1);
    const out = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    expect(out).toHaveLength(LINES);
    expect(out[MALFORMED_AT]).toEqual({ error: { code: 'invalid_input', message: expect.any(String) } });

    // The reference answer for each distinct (text, now), from the one-sentence command.
    const distinct = new Map<string, { text: string; now: string }>();
    for (const r of requests) if (r) distinct.set(JSON.stringify([r.text, r.now ?? NOW]), { text: r.text, now: r.now ?? NOW });
    const reference = new Map<string, Record<string, unknown>>();
    const pending = [...distinct];
    expect(distinct.size).toBe(TEXTS.length + DATED.size * OWN_NOWS.length);
    // A few CLI processes at a time: two cores.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let next = pending.shift(); next; next = pending.shift()) reference.set(next[0], await understandOne(next[1].text, next[1].now));
      }),
    );

    requests.forEach((r, i) => {
      if (r === null) return;
      const expected = reference.get(JSON.stringify([r.text, r.now ?? NOW]));
      expect(out[i], `line ${i}: ${JSON.stringify(r)}`).toEqual(expected);
    });
    // The lines' own "now" mattered: "tomorrow at 3" on New Year's Eve is in the next year.
    const newYearsEve = requests.findIndex((r) => r?.text === 'tomorrow at 3' && r.now === OWN_NOWS[0]);
    expect(newYearsEve).toBeGreaterThanOrEqual(0);
    expect(out[newYearsEve]).toMatchObject({ date: '2027-01-01', time: '15:00' });
    expect(out[TEXTS.indexOf('tomorrow at 3')]).toMatchObject({ date: '2026-11-24', time: '15:00' });
  });

  it('writes an error line for each bad request and carries on; exit 0 when every line is good', async () => {
    const bad = [
      JSON.stringify({ text: 'what are your hours' }),
      'not json at all',
      JSON.stringify({ now: NOW }),
      JSON.stringify({ text: 'tomorrow at 3', now: 'whenever' }),
      JSON.stringify({ text: 'I need a cleaning tomorrow afternoon with Maria' }),
    ].join('\n');
    const failed = await runCli(['understand', '--tenant', TENANT, '--now', NOW, '--jsonl'], env, `${bad}\n`);
    expect(failed.code).toBe(1);
    const out = failed.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ intent: 'hours' });
    for (const i of [1, 2, 3]) expect(out[i], `line ${i}`).toEqual({ error: expect.objectContaining({ code: 'invalid_input', message: expect.any(String) }) });
    expect(out[4]).toMatchObject({ intent: 'book', date: '2026-11-24', serviceId: 'cleaning' });

    const good = [JSON.stringify({ text: 'what are your hours' }), JSON.stringify({ text: 'tomorrow at 3', now: OWN_NOWS[0] })].join('\n');
    const ok = await runCli(['understand', '--tenant', TENANT, '--now', NOW, '--jsonl'], env, `${good}\n`);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('refuses an unknown practice on every line', async () => {
    const result = await runCli(['understand', '--tenant', 'no-such-practice', '--jsonl'], env, `${JSON.stringify({ text: 'hello' })}\n`);
    expect(result.code).not.toBe(0);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ error: { code: 'not_found' } });
  });
});
