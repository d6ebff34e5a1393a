import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCallHarness } from '../support/call-harness.js';
import { FakeOpenAiServer } from '../support/openai/fake-openai-server.js';
import { scriptedReceptionist } from '../support/openai/scripted-receptionist.js';
import { runCli } from '../support/run-cli.js';
import { makeTempDir } from '../support/temp-dir.js';

const DEMO_PRACTICE = resolve(import.meta.dirname, '..', '..', 'resources', 'demo-practice.json');
const T = 'bright-smiles';
let dir: string;
let files: string;
let cleanup: () => void;
let cleanupFiles: () => void;

/** Two recorded calls on the rules brain: a booking and an hours question. */
beforeAll(async () => {
  const h = await startCallHarness();
  dir = h.dir;
  const booking = await h.converse('+15555550199', ['Hi, I need a cleaning next Tuesday afternoon', 'the first one', 'Ann Lee', 'yes', "no that's all, bye"]);
  expect(booking.state).toBe('ended');
  const hours = await h.converse('+15555550142', ['what are your hours']);
  await hours.hangup();
  // Keep the data folder: stop the appliance without removing it.
  await h.app.stop();
  cleanup = () => h.stop();
  ({ dir: files, cleanup: cleanupFiles } = makeTempDir('frontdesk-replay-files-'));
});

afterAll(async () => {
  cleanupFiles?.();
  await (cleanup as unknown as () => Promise<void>)?.();
});

const env = () => ({ FRONTDESK_DATA_DIR: dir });

describe('frontdesk replay', () => {
  it('replays the last calls against the practice as it is: the same outcomes and booking times, exit 0', async () => {
    const result = await runCli(['replay', '--tenant', T], env());
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/booked 2026-12-01 13:00\s+booked 2026-12-01 13:00\s+same/);
    expect(result.stdout).toMatch(/All 2 calls behave the same \(rules brain\)\./);
  });

  it('fails when an edit breaks a booking: closing Tuesdays moves the booking, exit 1, the real book untouched', async () => {
    const practice = JSON.parse(readFileSync(DEMO_PRACTICE, 'utf8'));
    practice.closures = [{ date: '2026-12-01', reason: 'staff training' }];
    const file = join(files, 'closed-tuesday.json');
    writeFileSync(file, JSON.stringify(practice));
    const result = await runCli(['replay', '--tenant', T, '--practice', file, '--json'], env());
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.regressions).toBe(1);
    const booking = report.calls.find((c: any) => c.before.outcome === 'booked');
    expect(booking).toMatchObject({ before: { bookingStart: '2026-12-01T13:00' }, sameBookingTime: false });
    // The replay ran in a scratch copy: the real data still has exactly the one recorded booking.
    const list = await runCli(['bookings', 'list', '--tenant', T, '--json'], env());
    expect(JSON.parse(list.stdout)).toMatchObject([{ start: '2026-12-01T13:00:00-05:00', status: 'confirmed' }]);
  });

  it('runs scripted callers from JSONL against their expectations', async () => {
    // At 10 AM the recorded 1 PM booking is in the book, so "the second one" on Tuesday is 3 PM.
    const file = join(files, 'callers.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ label: 'books Tuesday', from: '+15555550177', at: '2026-11-23T15:00:00Z', lines: ['a cleaning next Tuesday afternoon', 'the second one', 'Bo Chen', 'yes'], expect: { outcome: 'booked', bookingStart: '2026-12-01T15:00' } }),
        JSON.stringify({ label: 'wrong expectation', from: '+15555550178', at: '2026-11-23T15:00:00Z', lines: ['what are your hours'], expect: { outcome: 'booked' } }),
      ].join('\n'),
    );
    const result = await runCli(['replay', '--tenant', T, '--script', file], env());
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/books Tuesday\s+booked 2026-12-01 15:00\s+booked 2026-12-01 15:00\s+same/);
    expect(result.stdout).toMatch(/wrong expectation\s+booked\s+\S+.*CHANGED OUTCOME/);
  });

  it('replays on the LLM brain against an OpenAI-compatible endpoint', async () => {
    const openai = await new FakeOpenAiServer(scriptedReceptionist()).start();
    try {
      const result = await runCli(['replay', '--tenant', T, '--brain', 'llm', '--json'], { ...env(), OPENAI_BASE_URL: openai.baseUrl, OPENAI_API_KEY: 'sk-replay', FRONTDESK_LLM_MODEL: 'fake-model' });
      const report = JSON.parse(result.stdout);
      expect(report.brain).toBe('llm');
      expect(openai.requests.length).toBeGreaterThan(0);
      const booking = report.calls.find((c: any) => c.before.outcome === 'booked');
      expect(booking.after).toEqual({ outcome: 'booked', bookingStart: '2026-12-01T13:00' });
    } finally {
      await openai.stop();
    }
  });

  it('names a bad --brain and a missing practice file', async () => {
    expect(await runCli(['replay', '--tenant', T, '--brain', 'magic'], env())).toMatchObject({ code: 2, stderr: expect.stringMatching(/--brain must be "rules" or "llm"/) });
    expect(await runCli(['replay', '--tenant', T, '--practice', join(files, 'nope.json')], env())).toMatchObject({ code: 2, stderr: expect.stringMatching(/Could not read/) });
    const other = join(files, 'other-practice.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(DEMO_PRACTICE, 'utf8')), id: 'someone-else' }));
    expect(await runCli(['replay', '--tenant', T, '--practice', other], env())).toMatchObject({ code: 2, stderr: expect.stringMatching(/is for "someone-else", not "bright-smiles"/) });
    const broken = join(files, 'broken-practice.json');
    writeFileSync(broken, JSON.stringify({ ...JSON.parse(readFileSync(DEMO_PRACTICE, 'utf8')), brain: 'psychic' }));
    expect(await runCli(['replay', '--tenant', T, '--practice', broken], env())).toMatchObject({ code: 2, stderr: expect.stringMatching(/brain/) });
  });
});
