import type { Language, TenantConfig } from '../../../../shared/contract/index.js';
import type { PartOfDay } from '../../scheduling/index.js';

/** What a caller wants, as far as one utterance tells. */
export const INTENTS = [
  'book',
  'reschedule',
  'cancel',
  'check_appointment',
  'availability',
  'hours',
  'location',
  'faq',
  'speak_to_person',
  'leave_message',
  'emergency',
  'yes',
  'no',
  'correction',
  'goodbye',
  'greeting',
  'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

/**
 * One utterance understood. Every entity is independent of the intent, so "no, Thursday
 * instead" is intent `correction` with `date` set, and "yes, at 3" is `yes` with `time` set.
 * Dates and times are local to the practice, resolved relative to `now` in its zone.
 */
export interface Understanding {
  intent: Intent;
  /** 0..1: how sure the rules are about `intent`. */
  confidence: number;
  /** "YYYY-MM-DD" */
  date: string | null;
  /** "HH:MM" (24h) when a clock time was said: "at 3" in a booking context means 15:00. */
  time: string | null;
  partOfDay: PartOfDay | null;
  /** "after 4" → "16:00"; "before 10" → "10:00". */
  after: string | null;
  before: string | null;
  /** "earliest", "first available", "as soon as possible". */
  earliest: boolean;
  /** A span such as "next week" (inclusive local dates). */
  range: { from: string; to: string } | null;
  serviceId: string | null;
  providerId: string | null;
  /** The caller's name when they said it ("this is Ann Lee", "my name is …"). */
  name: string | null;
  /** A callback number they said, E.164. */
  phone: string | null;
  /**
   * "the second one", "the first", "option 2" → 1-based index among offered options. "The last one"
   * is `ctx.optionCount` when the dialog said how many it offered, else -1 (count from the end).
   * "The 3 o'clock one" sets `time`, not `choice`: the dialog matches it against what it offered.
   */
  choice: number | null;
  /** Index into the tenant's FAQ when the utterance asks one of its questions. */
  faqIndex: number | null;
  /**
   * The emergency keyword that matched: one of the tenant's `review.emergencyKeywords` as written
   * there, or a built-in "emergency" / "urgent" when the caller said so in other words.
   */
  emergencyKeyword: string | null;
  /**
   * What the caller ruled out: "not Tuesday", "I can't make it tomorrow", "3 doesn't work",
   * "instead of Dr. Lee". Present only when something was ruled out; those values are never
   * also in `date` / `time` / `providerId` / `serviceId`.
   */
  rejected?: RejectedEntities;
  /** `time` was said with AM/PM or a part of the day ("3 in the afternoon"), so it is not the other half of the clock. */
  timeHasMeridiem?: boolean;
  /**
   * The day the caller says an existing appointment is on: "my Thursday appointment", "the one on
   * Thursday", "move it from Thursday to Friday" (then `date` is Friday). When it is the only day
   * said, `date` holds it too (a move's dialog then knows it is not the new day).
   */
  appointmentDate?: string | null;
  /** After "what's your name?", an answer that is nothing but a name ("Ann Lee"). */
  bareName?: string | null;
  /** "A message" / "the front desk" as an answer to "message or front desk?". */
  helpChoice?: 'message' | 'person' | null;
  /**
   * A request for something by name that is no service, FAQ or provider of the practice ("do you
   * do balayage" → "balayage", "can I get a root canal" → "root canal"): a service not offered.
   */
  askedService?: string;
  /** The caller asks what something costs ("how much is a cleaning", "¿cuánto cuesta…?"). */
  asksPrice?: boolean;
  /** "Same time", "a la misma hora": a move keeps the appointment's clock time (set only when said). */
  sameTime?: boolean;
  /** What the caller says it is about: "call me back about my x-rays" → "my x-rays" (set only when said). */
  about?: string;
  /** Every question asked in the utterance, in order: "Where are you? Is there parking?" is two. */
  questions?: AskedQuestion[];
}

export interface AskedQuestion {
  kind: 'hours' | 'location' | 'faq';
  /** The practice FAQ entry that answers it, if one does. */
  faqIndex: number | null;
}

export interface RejectedEntities {
  date: string | null;
  time: string | null;
  providerId: string | null;
  serviceId: string | null;
}

/** What the dialog just asked, so a bare answer can be read: "John Smith" after "your name?". */
export type Expectation = 'name' | 'phone' | 'date' | 'choice' | 'yes_no';

export interface UnderstandContext {
  tenant: TenantConfig;
  /** Epoch ms; "tomorrow" is relative to this, in the tenant's zone. */
  now: number;
  /**
   * What the dialog just asked (default null). With 'name', a short answer of name-like words is
   * the name; with 'choice', a bare "2" or "the second" is a choice; with 'date', a bare "the 3rd"
   * is a date rather than a choice; with 'phone', bare numbers are never read as times.
   */
  expect?: Expectation | null;
  /** How many options the dialog last offered, so "the last one" can be numbered. */
  optionCount?: number | null;
  /** The language the caller speaks (default English). Spanish is read into English phrasing first. */
  language?: Language;
}
