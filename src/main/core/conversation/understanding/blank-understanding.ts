import type { Intent, Understanding } from './types.js';

/** An utterance with nothing in it yet: the starting point for the parser and for keypad input. */
export function blankUnderstanding(intent: Intent = 'unknown', confidence = 0): Understanding {
  return {
    intent,
    confidence,
    date: null,
    time: null,
    partOfDay: null,
    after: null,
    before: null,
    earliest: false,
    range: null,
    serviceId: null,
    providerId: null,
    name: null,
    phone: null,
    choice: null,
    faqIndex: null,
    emergencyKeyword: null,
  };
}
