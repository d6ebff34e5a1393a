import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/app/create-core.js';
import { startCallHarness, type CallHarness } from '../support/call-harness.js';
import { demoTenant } from '../support/demo-tenant.js';
import { nastyText } from '../support/nasty-text.js';

/**
 * Whatever text is already stored (written before validation existed, or straight into SQLite),
 * a caller gets a normal call: the practice's name, greeting, FAQ answers, provider and service
 * names and the returning caller's own name are spoken through valid TwiML, never the apology.
 */
const CALLER = '+15555550199';
const RUNS = 40;

let harness: CallHarness;
let db: Database.Database;
beforeAll(async () => {
  harness = await startCallHarness();
  db = new Database(join(harness.dir, DATABASE_FILE));
});
afterAll(async () => {
  db.close();
  await harness.stop();
});

/** Writes behind the appliance's back, as an old version or a hand edit would have. */
function storeDirectly(text: { practice: string; greeting: string; answer: string; address: string; provider: string; service: string; alias: string; customer: string; notes: string }) {
  const config = demoTenant() as ReturnType<typeof demoTenant> & { faq: { answer: string }[]; providers: { name: string }[]; services: { name: string; aliases: string[] }[] };
  config.name = text.practice;
  config.greeting = text.greeting;
  config.address = text.address;
  config.faq[0]!.answer = text.answer;
  config.providers[0]!.name = text.provider;
  config.services[0]!.name = text.service;
  config.services[0]!.aliases = [text.alias];
  db.prepare('UPDATE tenants SET config_json = ?, name = ?, revision = revision + 1 WHERE tenant_id = ?').run(JSON.stringify(config), text.practice, 'bright-smiles');
  db.prepare('DELETE FROM customers WHERE tenant_id = ? AND phone = ?').run('bright-smiles', CALLER);
  db.prepare('INSERT INTO customers (tenant_id, customer_id, phone, name, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)').run(
    'bright-smiles',
    `fuzz-${Math.random().toString(36).slice(2)}`,
    CALLER,
    text.customer,
    text.notes,
  );
}

describe('stored text cannot break a call', () => {
  it('a customer named with a control character still gets a normal call', async () => {
    harness.clock.advance(11 * 60_000);
    storeDirectly({ practice: 'Bright\u0007 Smiles', greeting: 'Hello\u0000 there. How can I help?', answer: 'Yes\u001b we do.', address: '1 Main St', provider: 'Dr. Lee', service: 'Cleaning', alias: 'clean', customer: 'Ann\u0007 Lee', notes: '' });
    const call = await harness.twilio.placeCall({ from: CALLER, to: '+15555550123' });
    expect(call.state).toBe('listening');
    expect(call.heard().join(' ')).toContain('Hello there.');
    await call.say('do you take insurance', { confidence: 0.93 });
    expect(call.heard().join(' ')).toContain('Yes we do.');
    await call.hangup();
  });

  it(`speaks ${RUNS} practices' worth of hostile stored text through valid TwiML`, async () => {
    const fields = fc.record({
      practice: nastyText,
      greeting: nastyText,
      answer: nastyText,
      address: nastyText,
      provider: nastyText,
      service: nastyText,
      alias: nastyText,
      customer: nastyText,
      notes: nastyText,
    });
    await fc.assert(
      fc.asyncProperty(fields, async (text) => {
        storeDirectly(text);
        // Past the per-caller rate limit's window, so every run is a fresh call, not a refused one.
        harness.clock.advance(11 * 60_000);
        const call = await harness.twilio.placeCall({ from: CALLER, to: '+15555550123' });
        for (const line of ['do you take insurance', 'where are you located', 'what are your hours']) {
          if (call.state !== 'listening') break;
          await call.say(line, { confidence: 0.93 });
        }
        if (call.state !== 'ended') await call.hangup();
        // The simulator refuses malformed TwiML as Twilio does (error 12100) and records it here.
        expect(call.applicationError).toBeUndefined();
        const heard = call.transcript.join(' ');
        expect(heard).not.toMatch(/having trouble answering right now|something went wrong with this call/);
        expect(call.transcript.length).toBeGreaterThanOrEqual(4);
      }),
      { numRuns: RUNS },
    );
  });
});
