import { afterEach, describe, expect, it } from 'vitest';
import { startCallHarness, type CallHarness } from '../support/call-harness.js';
import { demoTenant } from '../support/demo-tenant.js';

let h: CallHarness;
afterEach(async () => h?.stop());

const T = 'bright-smiles';
const ANA = '+15555550177';

/** The demo practice offering Spanish, with the Spanish words its callers use for its services. */
async function bilingual(languages: ('en' | 'es')[] = ['en', 'es']) {
  h = await startCallHarness();
  const practice = demoTenant();
  practice.languages = languages;
  // The practice's own greeting is written in its default language.
  if (languages[0] === 'es') practice.greeting = 'Gracias por llamar a Bright Smiles Dental. ¿En qué le puedo ayudar?';
  const spanish: Record<string, { name: string; aliases: string[] }> = {
    cleaning: { name: 'Limpieza dental', aliases: ['limpieza', 'limpieza dental'] },
    exam: { name: 'Examen dental', aliases: ['examen', 'revision', 'chequeo'] },
    filling: { name: 'Empaste', aliases: ['empaste', 'caries'] },
    whitening: { name: 'Consulta de blanqueamiento', aliases: ['blanqueamiento', 'consulta de blanqueamiento'] },
  };
  practice.services = practice.services.map((s) => ({ ...s, names: { es: spanish[s.id]!.name }, aliases: [...(s.aliases ?? []), ...spanish[s.id]!.aliases] }));
  await h.run('tenants/save', { config: practice });
}

const said = (call: { heard(): string[] }) => call.heard().join(' ');

describe('a Spanish-speaking caller, end to end', () => {
  it('chooses Spanish with 2, books, moves and cancels in Spanish, in a Mexican Spanish voice', async () => {
    await bilingual();
    const call = await h.twilio.placeCall({ from: ANA, to: '+15555550123' });
    expect(said(call)).toMatch(/Para español, oprima 2/);
    await call.press('2');
    expect(said(call)).toMatch(/Con gusto, seguimos en español\. ¿En qué le puedo ayudar\?/);
    const twiml = call.requests.at(-1)?.body ?? '';
    expect(twiml).toMatch(/language="es-MX"/);
    expect(twiml).toMatch(/voice="Polly\.Mia"/);
    await call.say('Quisiera una limpieza el miércoles a las diez de la mañana', { confidence: 0.92 });
    expect(said(call)).toMatch(/¿A nombre de quién hago la cita\?/);
    await call.say('Ana López', { confidence: 0.92 });
    expect(said(call)).toMatch(/Gracias, Ana\. El miércoles 25 de noviembre a las 10 de la mañana con .* para limpieza dental\. ¿Se la agendo\?/);
    await call.say('sí, por favor', { confidence: 0.92 });
    expect(said(call)).toMatch(/Listo, su limpieza dental quedó para el miércoles 25 de noviembre a las 10 de la mañana/);
    await call.say('no, eso es todo, gracias', { confidence: 0.92 });
    expect(call.state).toBe('ended');
    expect(said(call)).toMatch(/Gracias por llamar a Bright Smiles Dental/);
    const [booked] = await h.run<any[]>('bookings/list', { tenantId: T });
    expect(booked).toMatchObject({ status: 'confirmed', start: '2026-11-25T10:00:00-05:00' });
    // The language goes on the new customer, for the texts sent to them.
    expect(await h.run<any>('customers/get', { tenantId: T, customerId: booked.customer.id })).toMatchObject({ name: 'Ana López', language: 'es' });
    // A first-time caller: the confirmation, queued with the booking, is already in her language.
    const [confirmation] = await h.run<any[]>('outbox/list', { tenantId: T });
    expect(confirmation.body).toMatch(/^Bright Smiles Dental: su cita de limpieza dental el miércoles, 25 de noviembre a las 10:00 está confirmada\./);

    const move = await h.twilio.placeCall({ from: ANA, to: '+15555550123' });
    await move.say('Hola, necesito cambiar mi cita para el jueves 3 de diciembre a las 11 de la mañana', { confidence: 0.92 });
    expect(said(move)).toMatch(/Voy a cambiar su limpieza dental: antes el miércoles 25 de noviembre a las 10 de la mañana, ahora el jueves 3 de diciembre a las 11 de la mañana/);
    await move.say('sí', { confidence: 0.92 });
    expect(said(move)).toMatch(/Listo\. Su limpieza dental quedó para el jueves 3 de diciembre a las 11 de la mañana/);
    await move.hangup();
    expect(await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] })).toMatchObject([{ start: '2026-12-03T11:00:00-05:00' }]);

    const cancel = await h.twilio.placeCall({ from: ANA, to: '+15555550123' });
    await cancel.say('español', { confidence: 0.92 });
    await cancel.say('quiero cancelar mi cita', { confidence: 0.92 });
    expect(said(cancel)).toMatch(/Veo su cita de limpieza dental, el jueves 3 de diciembre a las 11 de la mañana, con .*\. ¿Desea cancelarla\?/);
    await cancel.say('sí', { confidence: 0.92 });
    expect(said(cancel)).toMatch(/quedó cancelada/);
    await cancel.hangup();
    expect(await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'held', 'pending_review'] })).toEqual([]);
  });

  it('greets in Spanish when Spanish is the default, and texts the review decision in Spanish', async () => {
    await bilingual(['es', 'en']);
    const call = await h.twilio.placeCall({ from: ANA, to: '+15555550123' });
    expect(said(call)).toBe('Gracias por llamar a Bright Smiles Dental. ¿En qué le puedo ayudar?');
    await call.say('buenas tardes, me gustaría una consulta de blanqueamiento el miércoles a las 9 de la mañana', { confidence: 0.92 });
    await call.say('me llamo Ana López', { confidence: 0.92 });
    await call.say('sí', { confidence: 0.92 });
    expect(said(call)).toMatch(/La recepción se la confirmará por mensaje de texto/);
    const [item] = await h.run<any[]>('review/list', { tenantId: T });
    await h.run('review/approve', { tenantId: T, bookingId: item.booking.id, staffName: 'Dana' });
    const [sms] = await h.run<any[]>('outbox/list', { tenantId: T });
    expect(sms.body).toBe('Bright Smiles Dental: su cita de consulta de blanqueamiento el miércoles, 25 de noviembre a las 9:00 está confirmada. ¡Hasta pronto!');
  });

  it('keeps English callers in English on a bilingual line', async () => {
    await bilingual();
    const call = await h.converse('+15555550166', ['I need a cleaning Wednesday at 10 am', 'Tom Brooks', 'yes']);
    expect(said(call)).toMatch(/You're all set for your teeth cleaning on Wednesday, November 25th at 10 AM/);
  });

  it('answers in Spanish a caller who simply speaks Spanish, and keeps a Spanish name as a name', async () => {
    await bilingual();
    const call = await h.twilio.placeCall({ from: ANA, to: '+15555550123' });
    said(call);
    // No "2", no "español", none of the words listed as Spanish before ("quiero", "cita"…).
    await call.say('buenas, ¿tienen algo para una limpieza el miércoles a las diez?', { confidence: 0.92 });
    expect(said(call)).toMatch(/¿A nombre de quién hago la cita\?/);
    // Asked for a name, a Spanish name is the answer, in the language the call is in.
    await call.say('María de los Ángeles de la Cruz', { confidence: 0.92 });
    expect(said(call)).toMatch(/miércoles 25 de noviembre a las 10/);
    await call.say('sí', { confidence: 0.92 });
    expect(await h.run<{ start: string }[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] })).toMatchObject([{ start: '2026-11-25T10:00:00-05:00' }]);
  });

  it('an English caller whose name is Spanish stays in English', async () => {
    await bilingual();
    const call = await h.converse('+15555550167', ['I need a cleaning Wednesday at 10 am', 'María de los Ángeles de la Cruz', 'yes']);
    expect(said(call)).toMatch(/You're all set for your teeth cleaning on Wednesday, November 25th at 10 AM/);
  });
});
