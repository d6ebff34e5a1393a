import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { spokenTime } from '../../src/main/core/conversation/index.js';
import { callTools, reply, type ModelScript, type ModelStep } from '../support/openai/fake-openai-server.js';
import { LLM_TENANT as T, startLlmCallHarness, useLlmHarness } from '../support/openai/llm-call-harness.js';
import { lastToolResult } from '../support/openai/scripted-receptionist.js';

const start = useLlmHarness(startLlmCallHarness);

const ZONE = 'America/New_York';
const NOW = Date.parse('2026-11-23T14:00:00Z');
/** "el martes 1 de diciembre a la 1 de la tarde", worded as the catalog words dates. */
const enEspanol = (local: string) => spokenTime.fullWhen('es', DateTime.fromISO(local, { zone: ZONE }).toMillis(), { timezone: ZONE } as never, NOW);

/** A model answering in Spanish: finds times from the caller's own words, reads the slot back, books on a "sí". */
const spanishReceptionist: ModelScript = (request): ModelStep => {
  const messages = request.body.messages;
  const last = messages.at(-1)!;
  if (last.role === 'tool') {
    const result = JSON.parse(last.content ?? 'null');
    if (!result?.ok) return reply(result?.say ?? 'Disculpe, hubo un problema.');
    if (result.data.slots) return reply(`Tengo ${enEspanol(result.data.slots[0].local)}. ¿Le queda bien?`);
    if (result.data.holdId) return reply(`Para confirmar: una limpieza dental ${enEspanol(result.data.slot.local)} con Maria Gomez. ¿Se la agendo?`);
    return reply('Listo, quedó agendada. ¿Algo más en que le pueda ayudar?');
  }
  const said = (last.content ?? '').toLowerCase();
  if (/limpieza/.test(said)) return callTools({ name: 'check_availability', args: { serviceId: 'cleaning', when: 'el martes 1 de diciembre por la tarde' } });
  if (/^sí, ésa/.test(said)) {
    const slot = lastToolResult(messages, 'check_availability').data.slots[0];
    return callTools({ name: 'hold_slot', args: { serviceId: slot.serviceId, providerId: slot.providerId, start: slot.local } });
  }
  if (/^sí/.test(said)) return callTools({ name: 'book_appointment', args: { holdId: lastToolResult(messages, 'hold_slot').data.holdId, customerName: 'Ana López' } });
  return reply('¿En qué le puedo ayudar?');
};

describe('a call in Spanish through the LLM brain', () => {
  it('follows the caller into Spanish, reads back in Spanish, and books on a "sí" through the consent guard', async () => {
    const { h, openai } = await start(spanishReceptionist, { edit: (practice) => (practice.languages = ['en', 'es']) });
    const call = await h.converse('+15555550177', ['Hola, buenas tardes, necesito una limpieza dental por favor', 'sí, ésa']);
    expect(call.heard().join(' ')).toMatch(/Para confirmar: una limpieza dental el martes 1 de diciembre a la 1 de la tarde con Maria Gomez\. ¿Se la agendo\?/);
    await call.say('sí, por favor', { confidence: 0.93 });
    expect(call.heard().join(' ')).toMatch(/Listo, quedó agendada/);

    const booked = await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'pending_review'] });
    expect(booked).toMatchObject([{ start: '2026-12-01T13:00:00-05:00', customer: { name: 'Ana López' } }]);
    // The model was told to answer in Spanish once the caller spoke it.
    expect(openai.requests.at(-1)!.body.messages[0]!.content).toMatch(/This call is in Spanish: answer in natural Latin-American Spanish, addressing the caller as "usted"/);
  });
});

describe('the router refuses in the caller\'s language', () => {
  /** A model that books the first time it finds, in the same breath: no read-back, no "sí". */
  const hastyReceptionist: ModelScript = (request, index) => {
    const last = request.body.messages.at(-1)!;
    const result = last.role === 'tool' ? JSON.parse(last.content ?? 'null') : null;
    if (result?.data?.slots) {
      const slot = result.data.slots[0];
      return callTools({ name: 'book_appointment', args: { serviceId: slot.serviceId, providerId: slot.providerId, start: slot.local, customerName: 'Ana López' } });
    }
    return spanishReceptionist(request, index);
  };

  it('a booking without a read-back and a "sí" is refused in Spanish, the caller hears Spanish, and nothing is booked', async () => {
    const { h, openai } = await start(hastyReceptionist, { edit: (practice) => (practice.languages = ['en', 'es']) });
    const call = await h.converse('+15555550177', ['Hola, buenas tardes, necesito una limpieza dental por favor']);
    const refusal = openai.requests.map((r) => r.body.messages.at(-1)!).find((m) => m.role === 'tool' && JSON.parse(m.content ?? '{}').code === 'not_confirmed');
    expect(JSON.parse(refusal!.content!)).toEqual({ ok: false, code: 'not_confirmed', say: 'Antes de hacerlo, permítame repetirle los datos para confirmar que estén correctos.' });
    expect(call.heard().join(' ')).toContain('Antes de hacerlo, permítame repetirle los datos para confirmar que estén correctos.');
    expect(call.heard().join(' ')).not.toMatch(/Before I do that/);
    expect(await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'pending_review'] })).toEqual([]);
  });
});
