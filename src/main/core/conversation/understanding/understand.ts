import { blankUnderstanding } from './blank-understanding.js';
import type { TenantConfig } from '../../../../shared/contract/index.js';
import type { PartOfDay } from '../../scheduling/index.js';
import { matchCatalog } from './catalog-match.js';
import { findChoice } from './choice.js';
import { findDates } from './dates.js';
import { matchEmergency } from './emergency.js';
import { matchFaq } from './faq-match.js';
import { classify } from './intent.js';
import { CORRECTION_CUE } from './intent-patterns.js';
import { localToday } from './local-calendar.js';
import type { Mention } from './mentions.js';
import { pick } from './mentions.js';
import { findName, spelledAsSaid } from './name.js';
import { normalize } from './normalize.js';
import { findPhones } from './phone.js';
import { vocabularyOf } from './tenant-vocabulary.js';
import { findTimes, type TimeRole, type TimeValue } from './times.js';
import { askedQuestions } from './questions.js';
import { saysSameTime, subjectOf } from './asides.js';
import { asksPrice, findServiceRequest, looseService, sharesServiceWord, wordsAsSaid, type ServiceRequest } from './service-request.js';
import { spanishToEnglish } from './spanish.js';
import { tokenize } from './tokens.js';
import type { RejectedEntities, UnderstandContext, Understanding } from './types.js';
import { Workspace } from './workspace.js';

/** Closing pleasantries whose words look like entities: "have a good morning", "that's all for today". */
const CLOSING_NOISE = /\bhave a (?:good|nice|great|wonderful|lovely) (?:day|one|night|evening|weekend|afternoon|morning)\b|\b(?:that is (?:it|all)|nothing else|all set|i am done) for (?:now|today)\b/g;

const APPOINTMENT_BEFORE = /\b(?:my|our|his|her|the) (?:\w+ )?(?:appointment|appt|booking|visit|cleaning|exam|checkup|one)(?: that i have| i have| i had| scheduled| booked)? (?:on|for|from)(?: this| next)? $|\b(?:it|that|appointment|one) from(?: this| next)? $/;
/** The same, when the date mention itself starts with its "on" / "for". */
const APPOINTMENT_BARE = /\b(?:my|our|his|her|the) (?:\w+ )?(?:appointment|appt|booking|visit|cleaning|exam|checkup|one)(?: that i have| i have| i had| scheduled| booked)? $/;

/** Whether the date said at [start, end) is the day of an existing appointment. */
function isAppointmentDay(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (APPOINTMENT_BEFORE.test(before)) return true;
  if (/^(?:on|for|from) /.test(text.slice(start, end)) && APPOINTMENT_BARE.test(before)) return true;
  return POSSESSIVE_BEFORE.test(before) && APPOINTMENT_AFTER.test(text.slice(end, end + 24));
}
const APPOINTMENT_AFTER = /^(?:s)? (?:appointment|appt|booking|visit|cleaning|exam|checkup)\b/;
const DAY_OF_MONTH = /\b(?:the )?(\d{1,2})(st|nd|rd|th) of (january|february|march|april|may|june|july|august|september|october|november|december)\b/g;
/** A move: "from Thursday to Monday" names the appointment's day, then the new one. */
const MOVE_CUE = /\b(?:move|moving|reschedul\w*|change|switch|push|bump|shift)\b/;
const POSSESSIVE_BEFORE = /\b(?:my|our|his|her)(?: next| upcoming)? $/;
/** Asking for a new booking: a day said is the wished day, never an existing appointment's. */
const BOOKING_CUE = /\b(?:book|schedule an|make an|set up an|new appointment|like an|like a|need an|need a|want an|want a)\b/;
// A bare "message" or "a person" is the whole answer to "message or front desk?".
const SAYS_MESSAGE = /\bmessage\b/;
const SAYS_PERSON = /\b(?:desk|person|someone|somebody|human|staff|receptionist|through)\b/;

/** Requests that are about something else than a new service, whatever words follow. */
const OTHER_TASKS = new Set(['reschedule', 'cancel', 'check_appointment', 'speak_to_person', 'leave_message', 'emergency', 'hours', 'location', 'goodbye']);

/**
 * A requested thing that is none of the practice's own: not the caller's own thing ("my crown"),
 * no word of a service ("do you do hair"), no FAQ ("do you do loaner cars") or emergency word.
 */
function isMissingService(request: ServiceRequest, vocabulary: ReturnType<typeof vocabularyOf>): boolean {
  if (request.owned || sharesServiceWord(request, vocabulary.services)) return false;
  const tokens = tokenize(request.words);
  return matchFaq(vocabulary.faq, tokens) === null && matchEmergency(vocabulary.emergency, tokens, request.words) === null;
}

/** Regions that write "12/3" month first. */
const MONTH_FIRST_REGIONS = new Set(['US', 'CA', 'PH', 'FM', 'MH', 'PW']);

function monthFirst(tenant: TenantConfig): boolean {
  const region = tenant.locale.split('-')[1] ?? tenant.country;
  return MONTH_FIRST_REGIONS.has(region);
}


function clocksWith(times: readonly Mention<TimeValue>[], role: TimeRole): Mention<string>[] {
  return times.filter((t) => t.value.role === role).map((t) => ({ value: t.value.clock, start: t.start, end: t.end }));
}

/**
 * One caller utterance → intent and entities, relative to `ctx.now` in the practice's zone.
 * Pure and synchronous; the tenant's vocabulary is built once per tenant object.
 */
export function understand(said: string, ctx: UnderstandContext): Understanding {
  const { tenant } = ctx;
  const expect = ctx.expect ?? null;
  const raw = ctx.language === 'es' ? spanishToEnglish(said) : said;
  const normalized = normalize(raw);
  const question = normalized.question;
  // "the 8th of December 3 pm" reads as "december 8th 3 pm": otherwise "of december 3" is taken as the 3rd.
  const text = normalized.text.replace(DAY_OF_MONTH, '$3 $1$2');
  const result = blankUnderstanding();
  if (text === '') return result;

  const vocabulary = vocabularyOf(tenant);
  const work = new Workspace(text);
  const preferLast = CORRECTION_CUE.test(text);
  work.scan(CLOSING_NOISE, () => true);

  const phones = findPhones(work, tenant.country);
  const name = findName(work, expect);
  if (name) work.mask(name.start, name.end);

  const allTokens = tokenize(text);
  const emergency = matchEmergency(vocabulary.emergency, allTokens, text);
  const faq = matchFaq(vocabulary.faq, allTokens);

  const catalogTokens = tokenize(work.masked);
  const services = matchCatalog(vocabulary.services, catalogTokens);
  const providers = matchCatalog(vocabulary.providers, catalogTokens);
  for (const m of [...services, ...providers]) work.mask(m.start, m.end);

  const dates = findDates(work, { today: localToday(tenant.timezone, ctx.now), country: tenant.country, now: ctx.now, zone: tenant.timezone, monthFirst: monthFirst(tenant), expect });
  const times = findTimes(work, expect, dates.partOfDay);
  const choice = findChoice(work, expect, ctx.optionCount ?? null);
  // "Do you do balayage", "can I get a feeling": the thing a request frame asks for, once the
  // other finders have taken their words.
  const request = services.length === 0 && expect !== 'name' ? findServiceRequest(text, work.masked) : null;
  const looseServiceId = request ? looseService(request, vocabulary.services) : null;

  // "My Thursday appointment", "the one on Thursday", "from Thursday to Friday": that day is the appointment's.
  const ofAppointment = BOOKING_CUE.test(text)
    ? undefined
    : dates.dates.find((m) => isAppointmentDay(text, m.start, m.end));
  const otherDates = ofAppointment ? dates.dates.filter((m) => m !== ofAppointment) : dates.dates;
  // The only day said stays the utterance's `date` too: a cancel or a check reads it as the appointment's day.
  let date = pick(otherDates.length > 0 ? otherDates : dates.dates, text, preferLast);
  let range = pick(dates.ranges, text, preferLast);
  let appointmentDate = ofAppointment?.value ?? null;
  const movedRange = MOVE_CUE.test(text) ? dates.ranges.find((m) => isAppointmentDay(text, m.start, m.end)) : undefined;
  if (!ofAppointment && movedRange) {
    // "move my appointment on Thursday to next Monday": Thursday is the appointment, Monday the new day.
    appointmentDate = movedRange.value.from;
    date = { value: movedRange.value.to, rejected: null };
    range = { value: null, rejected: null };
  }
  const at = pick(clocksWith(times.times, 'at'), text, preferLast);
  const after = pick(clocksWith(times.times, 'after'), text, preferLast);
  const before = pick(clocksWith(times.times, 'before'), text, preferLast);
  const part = pick<PartOfDay>(times.partOfDay, text, preferLast);
  const service = looseServiceId !== null ? { value: looseServiceId, rejected: null } : pick(services, text, preferLast);
  const provider = pick(providers, text, preferLast);
  const phone = pick(phones, text, preferLast);

  result.date = date.value;
  result.range = range.value && !(date.value && date.value >= range.value.from && date.value <= range.value.to) ? range.value : null;
  result.time = at.value;
  if (at.value !== null && times.times.some((m) => m.value.role === 'at' && m.value.clock === at.value && m.value.meridiem === true)) result.timeHasMeridiem = true;
  if (appointmentDate) result.appointmentDate = appointmentDate;
  result.after = after.value;
  result.before = before.value;
  result.partOfDay = part.value ?? dates.partOfDay;
  result.earliest = times.earliest;
  result.serviceId = service.value;
  result.providerId = provider.value;
  result.phone = phone.value;
  result.name = name ? spelledAsSaid(name.value, said) : null;
  result.choice = choice?.value ?? null;

  const rejected: RejectedEntities = { date: date.rejected, time: at.rejected, providerId: provider.rejected, serviceId: service.rejected };
  if (rejected.date !== null || rejected.time !== null || rejected.providerId !== null || rejected.serviceId !== null) result.rejected = rejected;

  const hasWhen = result.date !== null || result.range !== null || result.time !== null || result.after !== null || result.before !== null || result.partOfDay !== null || result.earliest;
  const hasEntity = hasWhen || result.serviceId !== null || result.providerId !== null || result.name !== null || result.phone !== null || result.choice !== null;
  const replacedValue =
    (date.rejected !== null && date.value !== null) ||
    (at.rejected !== null && at.value !== null) ||
    (provider.rejected !== null && provider.value !== null) ||
    (service.rejected !== null && service.value !== null);

  const intent = classify({ text, question, emergency: emergency !== null, faq, serviceFound: service.value !== null, providerFound: provider.value !== null, earliest: result.earliest, hasEntity, hasWhen, replacedValue });
  result.intent = intent.intent;
  result.confidence = intent.confidence;
  result.faqIndex = faq !== null && (intent.faqStrong || intent.intent === 'faq') ? faq.index : null;
  const questions = askedQuestions(text, vocabulary.faq);
  if (questions.length > 0 && (questions.length > 1 || result.intent === 'greeting' || result.intent === 'unknown' || ['hours', 'location', 'faq'].includes(result.intent))) result.questions = questions;
  // "Hello, I'd like to ask about the parking": the greeting carries a question.
  if (result.intent === 'greeting' && questions.length > 0) {
    const first = questions[0];
    result.intent = first?.kind ?? 'faq';
    result.faqIndex = first?.faqIndex ?? result.faqIndex;
  }
  if (result.intent === 'unknown' && SAYS_MESSAGE.test(text)) result.helpChoice = 'message';
  else if (result.intent === 'unknown' && SAYS_PERSON.test(text)) result.helpChoice = 'person';
  result.emergencyKeyword = emergency?.keyword ?? null;
  if (request && looseServiceId === null && providers.length === 0 && !OTHER_TASKS.has(result.intent) && isMissingService(request, vocabulary)) {
    result.askedService = wordsAsSaid(request.words, said);
  }
  if (asksPrice(text)) result.asksPrice = true;
  if (saysSameTime(text)) result.sameTime = true;
  const about = subjectOf(text);
  if (about !== null) result.about = about;
  return result;
}
