import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../src/main/core/conversation/understanding/index.js';
import { numberWordsToDigits } from '../../../../src/main/core/conversation/understanding/number-words.js';

describe('understanding: normalizing recognizer text', () => {
  it.each([
    ["Um, yeah so I'd like to book a cleaning for Tuesday at 3 p.m.", 'i would like to book a cleaning for tuesday at 3 pm'],
    ['five five five, five five five, zero one nine nine', '5 5 5 5 5 5 0 1 9 9'],
    ['(555) 555-0199', '555 555-0199'],
    ["It's Maria Garcia calling", 'it is maria garcia calling'],
    ["I'm looking for, like, the first available", 'i am looking for the 1st available'],
    ['twenty-fourth of November', '24th of november'],
    ["Can't make it tomorrow", 'can not make it tomorrow'],
    ['Good morning! Is Dr. Lee in?', 'hello is dr lee in'],
    ['have a good morning', 'have a good morning'],
    ['the second one', 'the 2nd one'],
    ['hold on a second', 'hold on a second'],
    ['that one', 'that one'],
    ['number one', 'number 1'],
    ['3:30pm', '3:30 pm'],
    ['ten oh five', '10 0 5'],
    ['oh okay', 'okay'],
    ['O.K. that works', 'okay that works'],
    ['check-up', 'check up'],
    ["my name is Patrick O'Brien", "my name is patrick o'brien"],
    ['i dont know whats available', 'i do not know what is available'],
    ['eight hundred five five five one two one two', '800 5 5 5 1 2 1 2'],
    ['double five', '5 5'],
    ['in a couple of weeks', 'in couple weeks'],
    ['Doctor Lee', 'dr lee'],
    ['at 4 P M', 'at 4 pm'],
    ["tuesday's fine", 'tuesday fine'],
    ['', ''],
    ['   ...   ', ''],
  ])('%j → %j', (raw, text) => {
    expect(normalize(raw).text).toBe(text);
  });

  it('notices a question mark', () => {
    expect(normalize('Do you take Cigna?').question).toBe(true);
    expect(normalize('I take Cigna').question).toBe(false);
  });

  it('reads tens and ones, ordinals and hundreds', () => {
    expect(numberWordsToDigits('twenty one'.split(' '))).toEqual(['21']);
    expect(numberWordsToDigits('thirty first'.split(' '))).toEqual(['31st']);
    expect(numberWordsToDigits('thirteenth'.split(' '))).toEqual(['13th']);
    expect(numberWordsToDigits('twenty'.split(' '))).toEqual(['20']);
    expect(numberWordsToDigits('three thirty'.split(' '))).toEqual(['3', '30']);
    expect(numberWordsToDigits('nine hundred twenty two'.split(' '))).toEqual(['922']);
    expect(numberWordsToDigits('twenty second'.split(' '))).toEqual(['22nd']);
    expect(numberWordsToDigits('the eleventh'.split(' '))).toEqual(['the', '11th']);
  });
});
