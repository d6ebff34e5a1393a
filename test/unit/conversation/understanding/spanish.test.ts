import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { choosesLanguage, spanishToEnglish } from '../../../../src/main/core/conversation/understanding/spanish.js';
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
  ['quiero reprogramar mi cita', { intent: 'reschedule' }],
  ['¿a qué hora abren?', { intent: 'hours' }],
  ['¿dónde están ubicados?', { intent: 'location' }],
  ['quiero hablar con una persona', { intent: 'speak_to_person' }],
  ['quisiera dejar un mensaje', { intent: 'leave_message' }],
  ['me llamo Ana López', { name: 'Ana Lopez' }],
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

describe('understanding Spanish callers', () => {
  it.each(PHRASES)('%s', (text, want) => {
    expect(es(text, want['choice'] ? 'choice' : null)).toMatchObject(want);
  });

  it('reads Spanish into the English phrasing the rules know', () => {
    expect(spanishToEnglish('Quisiera una cita el martes a las tres de la tarde')).toMatch(/tuesday at 3 in the afternoon$/);
    expect(spanishToEnglish('mañana por la mañana')).toBe('tomorrow in the morning');
  });

  it('switches to Spanish on "español", on a Spanish sentence, and back on "English"', () => {
    expect(choosesLanguage('español', ['en', 'es'], 'en')).toEqual({ language: 'es', only: true });
    expect(choosesLanguage('hola, quiero hacer una cita', ['en', 'es'], 'en')).toEqual({ language: 'es', only: false });
    expect(choosesLanguage('español', ['en'], 'en')).toBeNull();
    expect(choosesLanguage('English please', ['en', 'es'], 'es')).toEqual({ language: 'en', only: true });
    expect(choosesLanguage('I would like a cleaning tomorrow', ['en', 'es'], 'en')).toBeNull();
  });
});
