import { describe, expect, it } from 'vitest';
import { understand, type Intent } from '../../../../src/main/core/conversation/understanding/index.js';
import { NOW, demoTenant } from './fixtures.js';

const tenant = demoTenant();
const intentOf = (text: string) => understand(text, { tenant, now: NOW });

describe('understanding: which intent wins', () => {
  it.each<[string, Intent, string]>([
    ['no, but my gums are bleeding', 'emergency', 'an emergency beats a no'],
    ['bye, my face is swollen though', 'emergency', 'an emergency beats a goodbye'],
    ['I need to cancel, I have severe pain', 'emergency', 'an emergency beats a cancel'],
    ['can someone call me back', 'leave_message', 'a callback is a message, though it names "someone"'],
    ['can I talk to someone about rescheduling', 'speak_to_person', 'asking for a person beats the task'],
    ['I need to cancel and reschedule', 'reschedule', 'cancel-and-rebook is a move'],
    ['no, cancel it', 'cancel', 'a cancel beats a no'],
    ['yes I need to cancel', 'cancel', 'a task beats a yes'],
    ['when is my appointment, I might need a cleaning too', 'check_appointment', 'a check beats a booking'],
    ['actually make it Thursday', 'correction', 'a correction beats a yes/no'],
    ['no, Thursday', 'correction', 'a no with a new value is a correction'],
    ['actually I need to cancel it', 'cancel', 'a cancel beats a correction'],
    ['are you open Saturday, I want to come in', 'hours', 'a direct question is answered first'],
    ['I want to book, do you have anything Thursday', 'book', 'a booking beats an availability question'],
    ['no that is all', 'goodbye', 'a goodbye beats a no'],
    ['hi I want to book a cleaning', 'book', 'anything beats a greeting'],
    ['I want to book for my son', 'book', 'a lone FAQ keyword does not steal a booking'],
    ['yes, at 3', 'yes', 'an entity alone does not make a correction'],
  ])('%s → %s (%s)', (text, intent) => {
    expect(intentOf(text).intent).toBe(intent);
  });

  it('lowers confidence when two different tasks are asked at once', () => {
    const both = intentOf('are you open Saturday, I want to book a cleaning');
    expect(both.intent).toBe('hours');
    expect(both.confidence).toBe(0.75);
    expect(intentOf('are you open Saturday').confidence).toBe(0.9);
  });

  it('is unsure of "I can\'t make it" alone and sure of a cancel', () => {
    expect(intentOf("I can't make it on Friday").confidence).toBeLessThan(intentOf('please cancel my Friday appointment').confidence);
  });

  it('gives nothing heard no confidence and entities alone a little', () => {
    expect(intentOf('')).toMatchObject({ intent: 'unknown', confidence: 0 });
    expect(intentOf('   um uh  ')).toMatchObject({ intent: 'unknown', confidence: 0 });
    expect(intentOf('purple elephants').confidence).toBeLessThanOrEqual(0.1);
    expect(intentOf('next Tuesday').confidence).toBe(0.3);
  });

  it('still reports the FAQ an info intent answers, and not one a lone keyword suggests', () => {
    expect(intentOf('where are you located').faqIndex).toBe(1);
    expect(intentOf('I want to book for my son').faqIndex).toBeNull();
    expect(intentOf('do you have anything available for my son').faqIndex).toBeNull();
  });
});
