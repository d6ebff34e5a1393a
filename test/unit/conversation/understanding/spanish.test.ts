import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { clockMentions } from '../../../../src/main/core/conversation/actions/spoken-slots.js';
import { choosesLanguage, mayNameSpanishClockTime, spanishToEnglish } from '../../../../src/main/core/conversation/understanding/spanish.js';
import { demoTenant } from '../rules-brain/harness.js';

const NOW = Date.parse('2026-11-23T14:00:00Z'); // Monday 9 AM in New York
const tenant = demoTenant((raw) => {
  raw.languages = ['en', 'es'];
  raw.services = raw.services.map((s) => ({ ...s, aliases: [...(s.aliases ?? []), ...({ cleaning: ['limpieza', 'limpieza dental'], exam: ['examen', 'revision', 'chequeo'], filling: ['empaste', 'caries'], whitening: ['blanqueamiento'] } as Record<string, string[]>)[s.id]!] }));
});
const es = (text: string, expect: 'name' | 'phone' | 'date' | 'choice' | 'yes_no' | null = null) => understand(text, { tenant, now: NOW, expect, language: 'es' });

// Spanish caller phrasings with what they must be understood as.
const PHRASES: [string, Record<string, unknown>][] = [
  ['Quisiera hacer una cita para una limpieza el martes a las tres de la tarde', { intent: 'book', serviceId: 'cleaning', date: '2026-11-24', time: '15:00' }],
  ['necesito una limpieza mañana por la mañana', { serviceId: 'cleaning', date: '2026-11-24', partOfDay: 'morning' }],
  ['¿Tienen algo el miércoles en la tarde?', { intent: 'availability', date: '2026-11-25', partOfDay: 'afternoon' }],
  ['pasado mañana a las diez', { date: '2026-11-25', time: '10:00' }],
  ['el viernes a las 8 y media de la mañana', { date: '2026-11-27', time: '08:30' }],
  ['el 3 de diciembre a la una de la tarde', { date: '2026-12-03', time: '13:00' }],
  ['el lunes que viene a las 4', { date: '2026-11-30', time: '16:00' }],
  ['el próximo martes a las 11', { date: '2026-12-01', time: '11:00' }],
  ['lo antes posible', { earliest: true }],
  ['la primera cita disponible para un examen', { earliest: true, serviceId: 'exam' }],
  ['después de las 3', { after: '15:00' }],
  ['antes de las 10', { before: '10:00' }],
  ['a las 4 y cuarto', { time: '16:15' }],
  ['a las 5 menos cuarto', { time: '16:45' }],
  ['sí', { intent: 'yes' }],
  ['sí, por favor', { intent: 'yes' }],
  ['claro que sí', { intent: 'yes' }],
  ['está bien', { intent: 'yes' }],
  ['perfecto', { intent: 'yes' }],
  ['no', { intent: 'no' }],
  ['no, gracias', { intent: 'no' }],
  ['quiero cancelar mi cita', { intent: 'cancel' }],
  ['necesito cambiar mi cita para el jueves', { intent: 'reschedule', date: '2026-11-26' }],
  ['quiero pasar la cita al viernes', { intent: 'reschedule', date: '2026-11-27' }],
  ['quiero cancelar mi cita del martes', { intent: 'cancel', appointmentDate: '2026-11-24' }],
  ['el primero de diciembre a las diez', { date: '2026-12-01', time: '10:00' }],
  ['para el 1ro de diciembre', { date: '2026-12-01' }],
  ['quiero reprogramar mi cita', { intent: 'reschedule' }],
  ['¿a qué hora abren?', { intent: 'hours' }],
  ['¿dónde están ubicados?', { intent: 'location' }],
  ['quiero hablar con una persona', { intent: 'speak_to_person' }],
  ['quisiera dejar un mensaje', { intent: 'leave_message' }],
  ['me llamo Ana López', { name: 'Ana López' }],
  ['mi nombre es Carlos Ruiz', { name: 'Carlos Ruiz' }],
  ['el primero', { choice: 1 }],
  ['la segunda', { choice: 2 }],
  ['eso es todo, gracias', { intent: 'goodbye' }],
  ['adiós', { intent: 'goodbye' }],
  ['hola, buenos días', { intent: 'greeting' }],
  ['me sangra mucho la encía', { intent: 'emergency' }],
  ['un empaste con la doctora Lee', { serviceId: 'filling', providerId: 'dr-lee' }],
  ['una revisión el jueves 3 de diciembre', { serviceId: 'exam', date: '2026-12-03' }],
  ['mejor el miércoles', { date: '2026-11-25' }],
  ['en la tarde a las 2', { time: '14:00' }],
];

// Generated: every day said with every time, each against the same request said in English.
const DAYS: [string, string][] = [
  ['el martes', 'on tuesday'], ['el miércoles', 'on wednesday'], ['el jueves', 'on thursday'], ['el viernes', 'on friday'],
  ['mañana', 'tomorrow'], ['pasado mañana', 'the day after tomorrow'], ['el próximo martes', 'next tuesday'], ['el martes que viene', 'next tuesday'],
  ['el 3 de diciembre', 'december 3rd'], ['el 10 de diciembre', 'december 10th'], ['el lunes 7 de diciembre', 'monday december 7th'], ['hoy', 'today'],
];
const TIMES: [string, string][] = [
  ['a las 3 de la tarde', 'at 3 in the afternoon'], ['a las diez de la mañana', 'at 10 in the morning'], ['a la una', 'at 1'], ['a las 9 y media', 'at 9:30'],
  ['a las 4 y cuarto', 'at 4:15'], ['al mediodía', 'at noon'], ['en la tarde', 'in the afternoon'], ['por la mañana', 'in the morning'],
  ['después de las 2', 'after 2'], ['antes de las 11', 'before 11'],
];
const SERVICES: [string, string][] = [['una limpieza', 'a cleaning'], ['un examen', 'an exam'], ['un empaste', 'a filling'], ['un blanqueamiento', 'whitening']];
const GENERATED = DAYS.flatMap(([dayEs, dayEn], d) =>
  TIMES.map(([timeEs, timeEn], i) => {
    const [svcEs, svcEn] = SERVICES[(d + i) % SERVICES.length] as [string, string];
    return [`quisiera ${svcEs} ${dayEs} ${timeEs}`, `i would like ${svcEn} ${dayEn} ${timeEn}`] as const;
  }),
);
const entities = (text: string, language: 'en' | 'es') => {
  const u = understand(text, { tenant, now: NOW, language });
  return { intent: u.intent, date: u.date, time: u.time, partOfDay: u.partOfDay, after: u.after, before: u.before, serviceId: u.serviceId };
};

describe('understanding Spanish callers', () => {
  it('has a corpus of at least 150 Spanish phrasings', () => {
    expect(PHRASES.length + GENERATED.length).toBeGreaterThanOrEqual(150);
  });

  it.each(GENERATED)('%s (as "%s")', (spanish, english) => {
    const want = entities(english, 'en');
    expect(want.date ?? want.partOfDay ?? want.after ?? want.before).not.toBeNull();
    expect(entities(spanish, 'es')).toEqual(want);
  });

  it('"para el viernes" after a move is where it goes, not the day the appointment is on', () => {
    for (const text of ['necesito cambiar mi cita para el viernes', 'quiero pasar la cita al viernes']) {
      const u = es(text);
      expect(u.date).toBe('2026-11-27');
      expect(u.appointmentDate ?? null).toBeNull();
    }
  });

  it.each(PHRASES)('%s', (text, want) => {
    expect(es(text, want['choice'] ? 'choice' : null)).toMatchObject(want);
  });

  it('reads Spanish into the English phrasing the rules know', () => {
    expect(spanishToEnglish('Quisiera una cita el martes a las tres de la tarde')).toMatch(/tuesday at 3 in the afternoon$/);
    expect(spanishToEnglish('mañana por la mañana')).toBe('tomorrow in the morning');
  });

  it('the cheap test for a Spanish clock time misses none the reader finds, and skips English lines', () => {
    const spanish = [...PHRASES.map(([text]) => text), ...GENERATED.map(([text]) => text), 'tipo 4', 'al mediodía', 'a las 3 en punto', 'sobre la una y cuarto', 'entre las 2 y las 4'];
    const withClock = spanish.filter((text) => clockMentions(spanishToEnglish(text)).length > 0);
    expect(withClock.length).toBeGreaterThan(20);
    for (const text of withClock) expect(mayNameSpanishClockTime(text), text).toBe(true);
    for (const english of ['I can book you a teeth cleaning with Maria Gomez.', 'Is there anything else I can help with?', 'Thanks for calling Bright Smiles Dental. Goodbye!']) {
      expect(mayNameSpanishClockTime(english), english).toBe(false);
    }
  });

  it('switches to Spanish on "español", on a Spanish sentence, and back on "English"', () => {
    expect(choosesLanguage('español', ['en', 'es'], 'en')).toEqual({ language: 'es', only: true });
    expect(choosesLanguage('hola, quiero hacer una cita', ['en', 'es'], 'en')).toEqual({ language: 'es', only: false });
    expect(choosesLanguage('español', ['en'], 'en')).toBeNull();
    expect(choosesLanguage('English please', ['en', 'es'], 'es')).toEqual({ language: 'en', only: true });
    expect(choosesLanguage('I would like a cleaning tomorrow', ['en', 'es'], 'en')).toBeNull();
    // Just speaking Spanish, without the words asked for before ("quiero", "cita"…), switches too.
    for (const spoken of ['hola, ¿hacen extensiones de pestañas?', 'entonces un corte de pelo el sábado', '¿tienen algo para el viernes en la tarde?', 'buenas, ¿cuánto cuesta una limpieza?']) {
      expect(choosesLanguage(spoken, ['en', 'es'], 'en'), spoken).toEqual({ language: 'es', only: false });
    }
    // English with a Spanish name or place in it stays English.
    for (const spoken of ['my name is Maria de la Cruz', 'I live on Calle de la Luna, can I come in Tuesday', 'is Dr. de la Vega in on Monday', 'I need a cleaning at the Las Palmas office']) {
      expect(choosesLanguage(spoken, ['en', 'es'], 'en'), spoken).toBeNull();
    }
    // A name given when asked for one is a name, however Spanish its words.
    expect(choosesLanguage('María de los Ángeles de la Cruz', ['en', 'es'], 'en', 'name')).toBeNull();
  });
});

describe("chrono-node's Spanish parser, tried before trusting it", () => {
  it('misreads what callers say, which is why Spanish is read through the rules instead', async () => {
    const chrono = await import('chrono-node');
    const ref = new Date(NOW);
    const first = (text: string) => chrono.es.parse(text, ref, { forwardDate: true })[0];
    // "pasado mañana" is the day after tomorrow; chrono reads only "mañana" (tomorrow).
    expect(first('pasado mañana')?.text).toBe('mañana');
    expect(es('pasado mañana').date).toBe('2026-11-25');
    // "a las 3 de la tarde" is 3 PM; chrono gives 3 AM and reads "tarde" separately.
    expect(first('el martes a las 3 de la tarde')?.start.get('hour')).toBe(3);
    expect(es('el martes a las 3 de la tarde').time).toBe('15:00');
    // "10 y media" is half past ten; chrono stops at 10.
    expect(first('mañana a las 10 y media')?.start.get('minute')).toBe(0);
    expect(es('mañana a las 10 y media').time).toBe('10:30');
  });
});
