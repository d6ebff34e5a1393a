import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { NOW, demoTenant } from './fixtures.js';

// "Same time" and what a message is about are entities of understanding, in English and in
// Spanish: the rules receptionist reads them from the understanding, never from the raw words.

const tenant = demoTenant();
const en = (text: string) => understand(text, { tenant, now: NOW });
const es = (text: string) => understand(text, { tenant, now: NOW, language: 'es' });

describe('"same time" another day', () => {
  it.each(['can we do next Friday, same time', 'the following Saturday at the same time', 'same hour on Thursday please', 'Tuesday, same time slot'])('%s', (text) => {
    expect(en(text).sameTime).toBe(true);
    expect(en(text).time).toBeNull();
  });

  it.each(['el viernes a la misma hora', 'el sábado siguiente, a la misma hora', 'mismo horario el jueves', 'en el mismo horario pero el martes'])('%s (Spanish)', (text) => {
    const u = es(text);
    expect(u.sameTime).toBe(true);
    expect(u.date).not.toBeNull();
  });

  it.each(['I want to book two cleanings', 'at 3 please', 'the sooner the better', 'el viernes a las 3', 'is it the same dentist'])('not in "%s"', (text) => {
    expect(en(text).sameTime ?? es(text).sameTime).toBeUndefined();
  });
});

describe('what a message is about', () => {
  // The subject is given as understood (normalized: lowercase, no punctuation).
  it.each([
    ['can you have Dr Patel call me back about my x-rays', 'my x rays'],
    ['please have someone call me regarding the bill', 'the bill'],
    ['I need to leave a message because my crown came off', 'my crown came off'],
    ['tell Dr Lee it is concerning my insurance claim', 'my insurance claim'],
  ])('%s → %s', (text, about) => {
    expect(en(text).about).toBe(about);
  });

  it.each([
    ['quiero dejar un mensaje sobre mis radiografías', 'mis radiografias'],
    ['que me llame la doctora, es sobre la factura', 'la factura'],
    ['llamo por lo de mi seguro', 'mi'],
    ['déjele un recado acerca de mi tratamiento', 'mi tratamiento'],
    ['necesito que me llamen porque se me cayó la corona', 'se'],
  ])('%s (Spanish) says what it is about', (text, starts) => {
    expect(es(text).about?.startsWith(starts)).toBe(true);
  });

  it.each(['can you call me back', 'how about Friday', 'what about 3 pm', 'call me back about 3', 'leave a message please', 'quiero dejar un mensaje'])('not in "%s"', (text) => {
    expect(en(text).about ?? es(text).about).toBeUndefined();
  });
});
