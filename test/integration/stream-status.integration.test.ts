import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/app/create-core.js';
import { PUBLIC_URL } from '../support/call-harness.js';
import { startStreamHarness, type StreamHarness } from '../support/stream-harness.js';
import { TEST_AUTH_TOKEN } from '../support/test-config.js';
import { postSignedWebhook } from '../support/twilio-signer.js';

let s: StreamHarness;
afterEach(async () => s?.stop());

/** What the appliance kept of Twilio's media-stream reports, read from its database as an auditor would. */
function streamStatuses(dir: string): { subject_id: string; details_json: string }[] {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare("SELECT subject_id, details_json FROM audit_log WHERE action = 'call.stream-status' ORDER BY id").all() as { subject_id: string; details_json: string }[];
  } finally {
    db.close();
  }
}

describe("Twilio's media-stream status callbacks are recorded with the call", () => {
  it('a stream call keeps "stream-started" and "stream-stopped" under its call; a report for an unknown call is answered and kept nowhere', async () => {
    s = await startStreamHarness();
    const call = await s.call('+15555550288');
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    await s.say(leg, "no that's all, bye");
    await leg.closed;
    await call.idle();
    const record = await s.callRecord(call.sid);
    const kept = streamStatuses(s.h.dir);
    expect(kept.map((r) => r.subject_id)).toEqual([record.id, record.id]);
    expect(kept.map((r) => JSON.parse(r.details_json))).toEqual([
      { event: 'stream-started', streamSid: leg.streamSid, error: null },
      { event: 'stream-stopped', streamSid: leg.streamSid, error: null },
    ]);

    const statusPath = '/twilio/stream-status';
    const unknown = { AccountSid: 'AC00000000000000000000000000000000', CallSid: 'CAnotacall000000000000000000000000', StreamSid: 'MZnope', StreamEvent: 'stream-error', StreamError: 'boom' };
    const answer = await postSignedWebhook({ targetUrl: `${s.h.webhookBase}${statusPath}`, signedUrl: `${PUBLIC_URL}${statusPath}`, authToken: TEST_AUTH_TOKEN, params: unknown });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('<Response');
    expect(streamStatuses(s.h.dir)).toHaveLength(2);
  });
});
