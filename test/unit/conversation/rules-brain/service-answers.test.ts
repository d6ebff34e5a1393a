import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { safeToEcho } from '../../../../src/main/core/conversation/rules-brain/service-answers.js';
import { Call, demoTenant, heard } from './harness.js';

describe('what the caller asked for is said back only when it is safe', () => {
  it.each(['balayage', 'root canal', 'eyebrow threading', 'extensiones de pestañas'])('"%s" heard clearly', (words) => {
    expect(safeToEcho(words, false)).toBe(true);
  });

  it.each([
    ['balayage', true, 'heard with low confidence'],
    ['permanent eyelash extension tinting', false, 'too long'],
    ['x2 treatment', false, 'not plain words'],
    ['a', false, 'too short'],
    ['damn perm', false, 'not to be repeated'],
    ['shit', false, 'not to be repeated'],
  ])('"%s" (low confidence: %s): %s', (words: string, lowConfidence: boolean) => {
    expect(safeToEcho(words, lowConfidence)).toBe(false);
  });
});

describe('with the real understanding, a price is never made up', () => {
  const withPrices = demoTenant((raw) => {
    const exam = raw.services.find((s) => s.id === 'exam');
    if (exam) (exam as { price?: string }).price = '$80';
  });

  it.each([
    ['how much is an exam', /^A dental exam is \$80\. Would you like to book one\?$/],
    ['how much is a filling', /^I don't have the price of a filling on hand, but the team can tell you\./],
    // The practice's FAQ is about a cleaning's price: it answers that, in its own words.
    ['how much is a cleaning', /^A cleaning with an exam is 150 dollars without insurance\./],
  ])('"%s"', async (line, answer) => {
    const call = new Call({ tenant: withPrices, understand });
    await call.start();
    const reply = heard(await call.say(line));
    expect(reply).toMatch(answer);
    const written = new Set(['80', '150']);
    for (const n of reply.match(/\d+/g) ?? []) expect(written.has(n)).toBe(true);
  });
});
