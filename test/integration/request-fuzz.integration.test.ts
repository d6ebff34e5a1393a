import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/index.js';
import { nastyText } from '../support/nasty-text.js';
import { rawRequest, type RawAnswer } from '../support/raw-http.js';
import { fuzzedRequest } from '../support/request-fuzz.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig, TEST_AUTH_TOKEN } from '../support/test-config.js';
import { invalidXmlCharacter, parseTwiml } from '../support/twilio/twiml-document.js';
import { twilioSignature } from '../support/twilio-signer.js';

/**
 * Thousands of hostile request lines and header blocks against both listeners, and hundreds of
 * correctly signed webhooks with hostile parameters: both listeners keep serving, no answer is a
 * 5xx or malformed, every signed webhook gets valid TwiML, and the heap does not grow with the
 * number of requests served.
 */
const BATCHES = 100;
const PER_BATCH = 24;
const SIGNED_RUNS = 300;

let app: App;
let cleanup: () => void;
let consolePort: number;
let webhookPort: number;
beforeAll(async () => {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  app = createApp(testConfig(temp.dir));
  const urls = await app.start();
  consolePort = Number(new URL(urls.consoleUrl ?? '').port);
  webhookPort = Number(new URL(urls.webhookUrl).port);
});
afterAll(async () => {
  await app.stop();
  cleanup();
});

/** The status line and headers parse, and a declared body arrived whole. */
function wellFormed(answer: RawAnswer): boolean {
  const end = answer.raw.indexOf('\r\n\r\n');
  if (end < 0 || !/^HTTP\/1\.1 \d{3} [^\r\n]*(\r\n[!#$%&'*+.^_`|~0-9A-Za-z-]+: ?[^\r\n]*)*$/.test(answer.raw.slice(0, end))) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(answer.raw.slice(0, end));
  return !length || Buffer.byteLength(answer.raw.slice(end + 4), 'latin1') >= Number(length[1]);
}

/** A real collection, so heap growth measures what requests left behind rather than garbage not yet collected. */
function collectedHeap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function stillServing(): Promise<void> {
  expect((await fetch(`http://127.0.0.1:${consolePort}/api/health`)).status).toBe(200);
  expect((await fetch(`http://127.0.0.1:${webhookPort}/twilio/voice`, { method: 'POST', body: '' })).status).toBe(403);
}

describe('request-line and header fuzzing', () => {
  it(`leaves both listeners serving after ${BATCHES * PER_BATCH} hostile requests, each answered well-formed and below 500`, async () => {
    let answered = 0;
    let sent = 0;
    const round = async (batches: number) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.boolean(), fc.nat()), { minLength: PER_BATCH, maxLength: PER_BATCH }).chain((picks) =>
            fc.tuple(...picks.map(([toConsole]) => fuzzedRequest(toConsole ? consolePort : webhookPort).map((text) => ({ port: toConsole ? consolePort : webhookPort, text })))),
          ),
          async (requests) => {
            const answers = await Promise.all(requests.map(({ port, text }) => rawRequest(port, text, { giveUpAfterMs: 10_000 })));
            answers.forEach((answer, i) => {
              sent++;
              // A request Node's parser cannot read at all may be closed without an answer; anything answered must be sound.
              if (answer.status === null) return;
              answered++;
              expect(wellFormed(answer), `${JSON.stringify(requests[i]?.text.slice(0, 300))} → ${JSON.stringify(answer.raw.slice(0, 200))}`).toBe(true);
              expect(answer.status, JSON.stringify(requests[i]?.text.slice(0, 300))).toBeLessThan(500);
            });
          },
        ),
        { numRuns: batches },
      );
    };
    await round(BATCHES / 4);
    const warmHeap = collectedHeap();
    await round((BATCHES * 3) / 4);
    const heapGrowth = collectedHeap() - warmHeap;
    await stillServing();
    expect(answered / sent).toBeGreaterThan(0.9);
    // 1,800 further requests: a leak of a few kilobytes per request would show as many megabytes.
    expect(heapGrowth).toBeLessThan(8 * 1024 * 1024);
  });

  it(`answers ${SIGNED_RUNS} correctly signed webhooks with hostile parameters, query strings and headers with valid TwiML`, async () => {
    const route = fc.constantFrom('/twilio/voice', '/twilio/gather', '/twilio/dial', '/twilio/staff', '/twilio/resume', '/twilio/status');
    const query = fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((q) => `?${encodeURIComponent(q)}=${encodeURIComponent(q)}`));
    const params = fc.record(
      {
        CallSid: fc.oneof(fc.constantFrom('CA0123456789abcdef0123456789abcdef', 'CAfuzz'), nastyText),
        To: fc.oneof(fc.constant('+15555550123'), nastyText),
        From: fc.oneof(fc.constant('+15555550199'), nastyText),
        SpeechResult: nastyText,
        Digits: fc.oneof(fc.constantFrom('1', '0', '#', '*'), nastyText),
        Confidence: fc.oneof(fc.constantFrom('0.9', 'NaN', '-1', '1e309'), nastyText),
        CallStatus: fc.oneof(fc.constantFrom('ringing', 'in-progress', 'completed'), nastyText),
        DialCallStatus: fc.oneof(fc.constantFrom('completed', 'busy', 'no-answer'), nastyText),
        SequenceNumber: fc.oneof(fc.constantFrom('0', '1', '-5'), nastyText),
      },
      { requiredKeys: [] },
    );
    const token = fc.option(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(route, query, params, token, async (path, q, form, idempotencyToken) => {
        const url = `http://127.0.0.1:${webhookPort}${path}${q}`;
        const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilioSignature(TEST_AUTH_TOKEN, url, form) };
        if (idempotencyToken) headers['I-Twilio-Idempotency-Token'] = idempotencyToken;
        const res = await fetch(url, { method: 'POST', headers, body: new URLSearchParams(form).toString() });
        const body = await res.text();
        expect(res.status, body).toBe(200);
        expect(invalidXmlCharacter(body)).toBeNull();
        expect(() => parseTwiml(body)).not.toThrow();
        expect(body).not.toContain('having trouble answering right now');
      }),
      { numRuns: SIGNED_RUNS },
    );
    await stillServing();
  });
});
