import { afterEach, describe, expect, it } from 'vitest';
import type { TenantConfigInput } from '../../src/shared/contract/index.js';
import { startCallHarness, type CallHarness } from '../support/call-harness.js';
import { GARAGE, SALON } from '../support/callers/practices.js';

// What the practice sells, asked about by callers it has never met, through the real call path:
// a service it does not offer, what things cost, and service names the recognizer mishears.
// Now: Monday, November 23rd 2026, 9 AM in New York.

let h: CallHarness;
afterEach(async () => h?.stop());

const said = (call: { heard(): string[] }) => call.heard().join(' ');
type Call = { heard(): string[]; say(text: string, opts: { confidence: number }): Promise<unknown> };
/** What the receptionist answered to one line (heard() gives what was said since it was last asked). */
async function answerTo(c: Call, line: string): Promise<string> {
  c.heard();
  await c.say(line, { confidence: 0.92 });
  return c.heard().join(' ');
}

const NUMBERS: Record<string, string> = { 'shear-joy': '+15555550300', 'lakeside-auto': '+15555550400', 'bright-smiles': '+15555550123' };

async function practice(config?: TenantConfigInput) {
  h = await startCallHarness();
  if (config) await h.run('tenants/save', { config });
}

async function call(tenantId: string, from: string, lines: string[], spanish = false) {
  const c = await h.twilio.placeCall({ from, to: NUMBERS[tenantId] as string });
  if (spanish) await c.press('2');
  for (const line of lines) await c.say(line, { confidence: 0.92 });
  return c;
}

describe('a service the practice does not offer is said plainly, with what it does offer', () => {
  it.each([
    ['bright-smiles', 'do you guys do implants?', /we don't offer implants here\. We offer a teeth cleaning, a dental exam, a filling, and a teeth whitening consultation\./],
    ['bright-smiles', 'hi, can I get a root canal next week', /we don't offer a root canal here/],
    // A greeting first never hides the question ("Hi! How can I help you today?" was the answer).
    ['bright-smiles', 'hi do you guys do implants', /we don't offer implants here/],
    ['shear-joy', 'hey there, good morning, you guys do balayage?', /we don't offer a balayage here/],
    ['shear-joy', 'do you do balayage?', /we don't offer a balayage here\. We offer a haircut, a hair color, and a blowout\./],
    ['shear-joy', "I'd like to book a perm for Saturday", /we don't offer a perm here/],
    ['lakeside-auto', 'do you fix transmissions', /we don't offer transmissions here\. We offer an oil change, a brake inspection, and a tire rotation\./],
  ])('at %s, "%s"', async (tenantId, line, answer) => {
    await practice(tenantId === 'shear-joy' ? SALON : tenantId === 'lakeside-auto' ? GARAGE : undefined);
    const c = await call(tenantId, '+15555550271', [line]);
    const heard = said(c);
    expect(heard).toMatch(answer);
    expect(heard).not.toMatch(/didn't quite catch|How can I help you today\? You can book/);
    expect(c.state).toBe('listening');
  });

  it('the conversation goes on: a yes asks which service, and the caller books one of them', async () => {
    await practice(SALON);
    const c = await call('shear-joy', '+15555550272', ['do you do keratin treatments?']);
    expect(await answerTo(c, 'oh ok, yes please')).toMatch(/What would you like to come in for\? For example, a haircut/);
    for (const line of ['a blowout on Saturday at 10 am', 'Dana Wu']) await c.say(line, { confidence: 0.92 });
    expect(said(c)).toMatch(/Saturday, November 28th at 10 AM with Marco for a blowout\. Shall I book it\?/);
    await c.say('yes', { confidence: 0.92 });
    expect(await h.run<any[]>('bookings/list', { tenantId: 'shear-joy', statuses: ['confirmed'] })).toMatchObject([{ start: '2026-11-28T10:00:00-08:00' }]);
  });

  it('asked mid-booking, the booking keeps its day and asks which service instead', async () => {
    await practice();
    const c = await call('bright-smiles', '+15555550273', ['I need an appointment on Wednesday at 10 am']);
    expect(await answerTo(c, 'can I get a root canal')).toMatch(/we don't offer a root canal here\. .* Which of those would you like instead\?/);
    await c.say('a cleaning then', { confidence: 0.92 });
    await c.say('Olga Berg', { confidence: 0.92 });
    expect(said(c)).toMatch(/Wednesday, November 25th at 10 AM with .* for a teeth cleaning\. Shall I book it\?/);
  });

  it('a misheard or long request is not said back, but the answer is the same', async () => {
    await practice(SALON);
    const c = await h.twilio.placeCall({ from: '+15555550274', to: NUMBERS['shear-joy'] as string });
    expect(await answerTo(c, 'do you do permanent eyelash extension tinting')).toMatch(/that's not something we offer here\. We offer a haircut, a hair color, and a blowout\./);
  });

  it('in Spanish: "¿hacen extensiones?" is answered in Spanish with the services offered', async () => {
    await practice(SALON);
    const c = await call('shear-joy', '+15555550275', ['¿hacen extensiones de pestañas?'], true);
    // Said back as the caller said it, accents and all.
    expect(said(c)).toMatch(/Lo siento, aquí no ofrecemos extensiones de pestañas\. Ofrecemos corte de pelo, tinte y peinado\./);
    await c.say('sí, un corte de pelo el sábado a las diez de la mañana', { confidence: 0.92 });
    expect(said(c)).toMatch(/¿A nombre de quién hago la cita\?/);
  });
});

describe('prices come from the practice file, never invented', () => {
  const pricedSalon = (): TenantConfigInput => ({ ...SALON, services: SALON.services.map((s) => (s.id === 'haircut' ? { ...s, price: '$45' } : s.id === 'color' ? { ...s, price: 'from $120' } : s)) });

  it('a service with a price: said, then a booking is offered and a yes books that service', async () => {
    await practice(pricedSalon());
    const c = await call('shear-joy', '+15555550281', []);
    expect(await answerTo(c, 'how much is a haircut?')).toBe('A haircut is $45. Would you like to book one?');
    expect(await answerTo(c, 'yes')).toMatch(/What day works best for you\?|I have /);
  });

  it('"what do you charge for color" in other words, and prices in general list only what is written', async () => {
    await practice(pricedSalon());
    const c = await call('shear-joy', '+15555550282', []);
    expect(await answerTo(c, 'what do you charge for highlights')).toMatch(/^A hair color is from \$120\./);
    const general = await answerTo(c, 'and what are your prices in general');
    expect(general).toMatch(/^Our prices: a haircut is \$45 and a hair color is from \$120\./);
    expect(general).not.toMatch(/blowout/);
  });

  it('a service without a price: the team can give it, and a message or a booking is offered (never a number)', async () => {
    await practice(pricedSalon());
    const c = await call('shear-joy', '+15555550283', []);
    const answer = await answerTo(c, 'how much does a blowout cost?');
    expect(answer).toMatch(/^I don't have the price of a blowout on hand, but the team can tell you\. I can take a message for them, or book an appointment for you\./);
    expect(answer).not.toMatch(/\$|\d/);
    expect(await answerTo(c, 'a message please')).toMatch(/name|tell the team/i);
  });

  it('the FAQ answers a price it is about, and only that: a filling is not priced like a cleaning', async () => {
    await practice();
    const cleaning = await call('bright-smiles', '+15555550284', ["what's the cost of a cleaning?"]);
    expect(said(cleaning)).toMatch(/A cleaning with an exam is 150 dollars without insurance/);
    const filling = await call('bright-smiles', '+15555550285', []);
    const answer = await answerTo(filling, 'how much do you charge for a filling');
    expect(answer).not.toMatch(/150 dollars/);
    expect(answer).toMatch(/I don't have the price of a filling on hand, but the team can tell you\./);
  });

  it('a practice with no prices at all says so when asked generally', async () => {
    await practice(GARAGE);
    const c = await call('lakeside-auto', '+15555550286', []);
    expect(await answerTo(c, 'what are your prices like?')).toMatch(/I don't have our prices on hand, but the team can tell you\. I can take a message for them, or book an appointment for you\./);
  });

  it('asked in the middle of a booking, the price is answered and the booking picks up where it was', async () => {
    await practice(pricedSalon());
    const c = await call('shear-joy', '+15555550287', ['I want a haircut']);
    expect(await answerTo(c, 'how much is it?')).toMatch(/^A haircut is \$45\. What day would you like to come in\?/);
  });

  it('in Spanish: "¿cuánto cuesta un corte?" with the written price, and without one', async () => {
    await practice(pricedSalon());
    const c = await call('shear-joy', '+15555550288', ['¿cuánto cuesta un corte de pelo?'], true);
    expect(said(c)).toMatch(/El servicio de corte de pelo cuesta \$45\. ¿Le gustaría hacer una cita\?/);
    expect(await answerTo(c, '¿y el peinado cuánto cuesta?')).toMatch(/No tengo a la mano el precio del servicio de peinado, pero el equipo se lo puede dar\./);
  });
});

describe('service names the speech recognizer mishears', () => {
  it.each([
    ['bright-smiles', 'I need a tooth eating on Wednesday at 10 am', /for a teeth cleaning\. Shall I book it\?/],
    ['bright-smiles', 'can I get a feeling on Wednesday at 10 am', /for a filling\. Shall I book it\?/],
    ['bright-smiles', 'do you do teeth whiting? Wednesday at 10 am with Dr. Patel', /for a teeth whitening consultation\. Shall I book it\?/],
    ['shear-joy', 'I want a hair cat Saturday at 10 am', /for a haircut\. Shall I book it\?/],
    ['lakeside-auto', 'I need my breaks looked at Tuesday at 9 am', /for a brake inspection\. Shall I book it\?/],
  ])('at %s, "%s" books the service meant', async (tenantId, line, readBack) => {
    await practice(tenantId === 'shear-joy' ? SALON : tenantId === 'lakeside-auto' ? GARAGE : undefined);
    const c = await call(tenantId, '+15555550291', [line, 'Pat Kim']);
    expect(said(c)).toMatch(readBack);
  });
});

describe('a request and a question in one breath', () => {
  it('answers the question and does not forget the service: "Would you like to book a teeth cleaning?", and a yes books it', async () => {
    await practice();
    const c = await call('bright-smiles', '+15555550295', ['I need a cleaning, do you take insurance?']);
    expect(said(c)).toMatch(/We accept most PPO plans.*Would you like to book a teeth cleaning\?$/);
    expect(await answerTo(c, 'yes please')).toMatch(/What day works best for you\?/);
    for (const line of ['Wednesday at 10 am', 'Pat Kim']) await c.say(line, { confidence: 0.92 });
    expect(said(c)).toMatch(/Wednesday, November 25th at 10 AM with .* for a teeth cleaning\. Shall I book it\?/);
  });

  it('a no after the offer closes kindly', async () => {
    await practice(SALON);
    const c = await call('shear-joy', '+15555550296', ['what are your hours for a blowout']);
    expect(said(c)).toMatch(/Would you like to book a blowout\?$/);
    expect(await answerTo(c, 'no thanks')).toMatch(/Goodbye|bye|Thank/i);
  });
});

describe('holidays said by name', () => {
  it('"are you open on Christmas Eve?" is answered for that day, not with the weekly hours', async () => {
    await practice();
    const c = await call('bright-smiles', '+15555550297', ['are you open on christmas eve']);
    expect(said(c)).toMatch(/Thursday, December 24th .*8 AM to noon/);
    expect(said(c)).not.toMatch(/Monday to Wednesday/);
  });
});
