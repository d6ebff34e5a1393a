import { describe, expect, it } from 'vitest';
import type { Brain } from '../../../../src/main/core/conversation/brain.js';
import { hoursSentences } from '../../../../src/main/core/conversation/rules-brain/hours-words.js';
import { RulesBrain, type RulesState } from '../../../../src/main/core/conversation/rules-brain/index.js';
import { spellPhone } from '../../../../src/main/core/conversation/rules-brain/words.js';
import { nameFromAnswer } from '../../../../src/main/core/conversation/understanding/index.js';
import { ordinal } from '../../../../src/main/core/conversation/prompts/index.js';
import { NOW, demoTenant, u } from './harness.js';

describe('rules brain words', () => {
  it('says ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '31st']);
  });

  it('spells a phone number digit by digit', () => {
    expect(spellPhone('+15551234567')).toBe('5 5 5, 1 2 3, 4 5 6 7');
  });

  it.each([
    ['Ann Lee', 'Ann Lee'],
    ["it's ann o'neil", "Ann O'neil"],
    ['My name is Carla Diaz.', 'Carla Diaz'],
    ["I don't know", null],
    ['yes', null],
    ['call me back at five', null],
    ['42', null],
    ["it's under my husband's name, Mark Lee", 'Mark Lee'],
  ])('reads %s as the name %s', (text, name) => {
    expect(nameFromAnswer(text)).toBe(name);
  });

  it('says hours with three intervals a day and a single closed day', () => {
    const tenant = demoTenant((raw) => {
      const day: [string, string][] = [['08:00', '10:00'], ['10:30', '12:00'], ['13:00', '17:30']];
      raw.hours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [['09:00', '12:00']], sun: [] };
      raw.closures = [];
      raw.specialHours = [];
    });
    expect(hoursSentences(tenant, NOW)).toEqual([
      "We're open Monday to Friday 8 AM to 10 AM, 10:30 AM to noon, and 1 PM to 5:30 PM, and Saturday 9 AM to noon.",
      "We're closed on Sunday.",
    ]);
  });
});

describe('rules brain shape', () => {
  it('is a Brain with a plain JSON, versioned state', () => {
    const brain: Brain<RulesState> = new RulesBrain({ understand: () => u('unknown') });
    const state = brain.initialState();
    expect(state.v).toBe(1);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(brain.name).toBe('rules');
  });
});
