import { afterEach, describe, expect, it } from 'vitest';
import { startCallHarness, type CallHarness } from '../support/call-harness.js';
import { SALON } from '../support/callers/practices.js';

// "Same time" and what a message is about, now read by understanding: kept in English and in
// Spanish through the real call path. Now: Monday, November 23rd 2026 (6 AM at the salon).

let h: CallHarness;
afterEach(async () => h?.stop());

const said = (call: { heard(): string[] }) => call.heard().join(' ');

async function salonCall(from: string, lines: string[], spanish = false) {
  const call = await h.twilio.placeCall({ from, to: '+15555550300' });
  if (spanish) await call.press('2');
  for (const line of lines) await call.say(line, { confidence: 0.92 });
  return call;
}

describe('"a la misma hora": a Spanish move keeps the appointment\'s clock time', () => {
  it('moves a haircut to another day at the same time, read back in Spanish', async () => {
    h = await startCallHarness();
    await h.run('tenants/save', { config: SALON });
    const book = await salonCall('+15555550261', ['quisiera un corte de pelo con Jules el miércoles a las diez de la mañana', 'Lucía Torres', 'sí'], true);
    expect(said(book)).toMatch(/quedó para el miércoles 25 de noviembre a las 10 de la mañana/);
    const move = await salonCall('+15555550261', ['necesito cambiar mi cita', 'el viernes 4 de diciembre a la misma hora'], true);
    expect(said(move)).toMatch(/ahora el viernes 4 de diciembre a las 10 de la mañana/);
  });

  it('in English, "same time, the Friday after" does the same', async () => {
    h = await startCallHarness();
    await h.run('tenants/save', { config: SALON });
    await salonCall('+15555550262', ['a haircut with Jules on Wednesday at 10 am', 'Rita Moss', 'yes', 'no thanks']);
    const move = await salonCall('+15555550262', ['I have to reschedule my haircut', 'Friday December 4th, same time please']);
    expect(said(move)).toMatch(/to Friday, December 4th at 10 AM with Jules\. Is that right\?/);
  });
});

describe('"es sobre…": a Spanish message that says what it is about is not asked what it is about', () => {
  it('takes the message with its reason, asking only the name and the number', async () => {
    h = await startCallHarness();
    await h.run('tenants/save', { config: SALON });
    const call = await salonCall('+15555550263', ['quiero dejar un mensaje para Marco, es sobre el tinte que me hice la semana pasada'], true);
    expect(said(call)).not.toMatch(/Qué le gustaría que le dijera al equipo|Qué mensaje/);
    for (const line of ['Elena Ruiz', 'sí, a este número']) await call.say(line, { confidence: 0.92 });
    const messages = await h.run<any[]>('messages/list', { tenantId: 'shear-joy' });
    expect(messages).toMatchObject([{ reason: expect.stringMatching(/tinte que me hice/), callerName: 'Elena Ruiz', callbackNumber: '+15555550263' }]);
  });
});
