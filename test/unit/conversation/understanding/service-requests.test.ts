import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { soundsAlike } from '../../../../src/main/core/conversation/understanding/similarity.js';
import { tenantConfigSchema, type TenantConfig } from '../../../../src/shared/contract/index.js';
import { GARAGE, SALON } from '../../../support/callers/practices.js';
import { NOW, demoTenant } from './fixtures.js';
import { PHRASES } from './phrases.js';

// A request frame ("do you do X", "can I get X", "I need X", "how much is X") says a service is
// being named: X is matched loosely against the practice's services (the recognizer mishears
// them), and what matches nothing is a service the practice does not offer. Outside a frame,
// and for ordinary words inside one, nothing is.

const demo = demoTenant();
const salon = tenantConfigSchema.parse(SALON);
const garage = tenantConfigSchema.parse(GARAGE);
const PRACTICES: [string, TenantConfig][] = [['demo', demo], ['salon', salon], ['garage', garage]];
const BY_NAME: Record<string, TenantConfig> = Object.fromEntries(PRACTICES);
const heard = (practice: TenantConfig | string, text: string, language: 'en' | 'es' = 'en') =>
  understand(text, { tenant: typeof practice === 'string' ? (BY_NAME[practice] as TenantConfig) : practice, now: NOW, language });

describe('a service the practice does not offer', () => {
  it.each([
    ['demo', 'do you do implants?', 'implants'],
    ['demo', 'can I get a root canal', 'root canal'],
    ['demo', 'do you guys do veneers', 'veneers'],
    ['demo', 'hi, do you do braces', 'braces'],
    ['demo', "I'm looking for a deep scaling next week", 'deep scaling'],
    ['salon', 'do you do balayage?', 'balayage'],
    ['salon', 'I was wondering if you guys do balayage', 'balayage'],
    ['salon', 'you do eyelash extensions?', 'eyelash extensions'],
    ['salon', 'I wanted to know whether you offer waxing', 'waxing'],
    ['salon', 'can I book a perm', 'perm'],
    ['salon', 'could I get a manicure on Friday', 'manicure'],
    ['salon', 'do you offer eyebrow threading', 'eyebrow threading'],
    ['salon', 'I would like to get a keratin treatment please', 'keratin treatment'],
    ['garage', 'do you fix transmissions', 'transmissions'],
    ['garage', 'can I get a wheel alignment tomorrow morning', 'wheel alignment'],
    ['garage', 'how much is a timing belt', 'timing belt'],
  ])('at the %s, "%s" asks for %s', (tenant, text, asked) => {
    const u = heard(tenant, text);
    expect(u.askedService).toBe(asked);
    expect(u.serviceId).toBeNull();
  });

  it.each([
    ['salon', '¿hacen extensiones?', 'extensiones'],
    ['salon', '¿tienen manicure?', 'manicure'],
    ['salon', 'quiero un alaciado permanente', 'alaciado permanente'],
    ['salon', '¿cuánto cuestan los rayitos?', 'rayitos'],
    ['demo', '¿ofrecen implantes?', 'implantes'],
    ['demo', 'necesito una endodoncia', 'endodoncia'],
  ])('at the %s, in Spanish, "%s" asks for %s', (tenant, text, asked) => {
    expect(heard(tenant, text, 'es').askedService).toBe(asked);
  });

  it.each([
    // The thing asked for is the practice's own: a service, a provider, an FAQ, an emergency.
    ['demo', 'do you do whitening'],
    ['demo', 'can I see Dr. Patel'],
    ['demo', 'do you take Delta Dental'],
    ['garage', 'do you do loaner cars'],
    ['demo', 'I need to get my teeth looked at'],
    // The caller's own thing to be looked at is no service's name.
    ['demo', 'I need to get my crown looked at, it came off last night'],
    ['garage', 'can you fix my transmission'],
    ['salon', 'do you do hair'],
    // Another task, or no thing at all.
    ['demo', 'I need to cancel my appointment'],
    ['demo', 'I want to move my cleaning to Friday'],
    ['demo', 'can I get an appointment for Tuesday'],
    ['demo', 'I need an appointment'],
    ['demo', 'can I get the first available'],
    ['demo', 'I would like someone to call me back'],
    ['demo', 'I need to talk to a person'],
    ['demo', 'do you have anything on Friday'],
    ['demo', 'do you do Saturday appointments'],
    ['demo', 'can I get a reminder text'],
    ['demo', 'I need directions'],
    ['demo', 'I need a new patient appointment'],
    ['demo', 'can I get your address'],
    ['demo', 'I want it'],
    ['demo', 'I need help'],
    ['demo', 'I would like that'],
    ['salon', 'can I get Jules on Saturday'],
    ['garage', 'I need to change my appointment'],
  ])('at the %s, not in "%s"', (tenant, text) => {
    expect(heard(tenant, text).askedService).toBeUndefined();
  });
});

/** Things callers say that ask for no service: none of them is a service not offered, at any practice. */
const ORDINARY = [
  'hello', 'hi there', 'yes', 'no thanks', 'that works', 'what time do you open tomorrow', 'where are you located', 'is there parking',
  'I want to book for next Tuesday', 'can I come in this afternoon', 'I need to reschedule', 'I would like to cancel please',
  'when is my appointment', 'I need the earliest you have', 'could I get something on Monday morning', 'I want the 3 o clock',
  'the second one please', 'my name is Ann Lee', 'you can reach me at 555 555 0199', 'I need to speak to someone',
  'can I leave a message', 'I would like to leave a message for the doctor', 'I want to know your hours', 'do you have anything later',
  'I need to come in as soon as possible', 'is anyone available today', 'I was hoping for Thursday', 'can we do the same time next week',
  'I need a minute', 'hold on a second', 'I would like a callback', 'can I get a confirmation text', 'I need a receipt',
  'do you have any openings next week', 'I want to bring my son', 'I need my bill', 'can I get a copy of my records',
  'can I pay by card', 'I need to update my insurance', 'I wanted to ask about parking', 'I am calling about my appointment',
  'I would love something early', 'book me for Friday at 10', 'is it possible to get in today', 'I need to come in tomorrow',
  'do you do evenings', 'do you do weekends', 'can you fit me in', 'I am looking for an appointment on Saturday',
  'I need the same time as last time', 'I want to change the time', 'can I get a later time', 'I need an earlier slot',
  'can I get the one at 2', 'I need it done by Friday', 'could I get in this week', 'I was wondering if you had anything Wednesday',
];

describe('ordinary words are not services', () => {
  it.each(PRACTICES)('none of the ordinary sentences asks for a service not offered at the %s', (_, tenant) => {
    const flagged = ORDINARY.filter((text) => heard(tenant, text).askedService !== undefined);
    expect(flagged).toEqual([]);
  });

  it('none of the phrasing corpus (written for the dental practice) asks it for a service it does not offer', () => {
    const flagged = PHRASES.filter((p) => p.expect !== 'name' && heard(demo, p.text).askedService !== undefined).map((p) => p.text);
    expect(flagged).toEqual([]);
  });

  it('the dental corpus at a salon asks for services the salon does not offer, and names them', () => {
    expect(heard(salon, 'can I schedule a teeth cleaning for the 13th').askedService).toBe('teeth cleaning');
    expect(heard(garage, 'do you do whitening').askedService).toBe('whitening');
  });

  it.each(PRACTICES)('no ordinary sentence is heard as one of the %s\'s services', (_, tenant) => {
    const named = ORDINARY.map((text) => [text, heard(tenant, text).serviceId] as const).filter(([, id]) => id !== null);
    expect(named).toEqual([]);
  });
});

describe('service names as the speech recognizer mishears them', () => {
  it.each([
    ['demo', 'I need a tooth eating', 'cleaning'],
    ['demo', 'I need a teeth whiting', 'whitening'],
    ['demo', 'do you do teeth whitning', 'whitening'],
    ['demo', 'can I get a teeth clean on Monday', 'cleaning'],
    ['demo', 'I want a feeling', 'filling'],
    ['demo', 'could I book a checkup', 'exam'],
    ['salon', 'I want a hair cat', 'haircut'],
    ['salon', 'a hair cat tomorrow at 3', 'haircut'],
    ['salon', 'I want a haircat', 'haircut'],
    ['salon', "I'd like a hair colour", 'color'],
    ['salon', 'can I get a blow out', 'blowout'],
    ['garage', 'I need my breaks looked at', 'brakes'],
    ['garage', 'I need an oil chains', 'oil'],
    ['garage', 'can I get a tire rotating', 'tires'],
  ])('at the %s, "%s" is %s', (tenant, text, service) => {
    const u = heard(tenant, text);
    expect(u.serviceId).toBe(service);
    expect(u.askedService).toBeUndefined();
  });

  it('sound-alike words are bounded: same first letter, same Double Metaphone code, or close spelling', () => {
    expect(soundsAlike('cat', 'cut')).toBeGreaterThanOrEqual(0.85);
    expect(soundsAlike('feeling', 'filling')).toBeGreaterThanOrEqual(0.85);
    expect(soundsAlike('breaks', 'brakes')).toBeGreaterThanOrEqual(0.85);
    // Same sound, another first letter: "try" is not "dry", "all" is not "oil".
    expect(soundsAlike('try', 'dry')).toBeLessThan(0.7);
    expect(soundsAlike('all', 'oil')).toBeLessThan(0.7);
    expect(soundsAlike('eating', 'cleaning')).toBeLessThan(0.7);
    expect(soundsAlike('color', 'cleaning')).toBeLessThan(0.7);
  });

  it('a sound-alike word alone, outside a request, names nothing ("I was feeling fine", "the cat")', () => {
    expect(heard(demo, 'I was feeling fine until yesterday').serviceId).toBeNull();
    expect(heard(salon, 'sorry my cat was on the phone').serviceId).toBeNull();
    expect(heard(salon, 'my hair is a mess').serviceId).toBeNull();
  });
});

describe('asking what something costs', () => {
  it.each([
    ['demo', 'how much is a cleaning', 'cleaning'],
    ['salon', 'what do you charge for a haircut', 'haircut'],
    ['salon', 'how much does a blowout cost', 'blowout'],
    ['garage', 'what is the price of an oil change', 'oil'],
    ['garage', 'how much for a brake inspection', 'brakes'],
    ['salon', 'what are your prices', null],
  ])('at the %s, "%s"', (tenant, text, service) => {
    const u = heard(tenant, text);
    expect(u.asksPrice).toBe(true);
    expect(u.serviceId).toBe(service);
  });

  it.each([
    ['salon', '¿cuánto cuesta un corte?', 'haircut'],
    ['salon', '¿cuánto me cobran por el tinte?', 'color'],
    ['salon', '¿qué precio tiene el peinado?', 'blowout'],
  ])('at the %s, in Spanish, "%s"', (tenant, text, service) => {
    const u = heard(tenant, text, 'es');
    expect(u.asksPrice).toBe(true);
    expect(u.serviceId).toBe(service);
  });

  it.each(['how much time does a cleaning take', 'how much longer will it be', 'I want to book a cleaning', 'is it covered by insurance'])('not in "%s"', (text) => {
    expect(heard(demo, text).asksPrice).toBeUndefined();
  });
});
