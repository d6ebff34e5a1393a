import type { Language } from '../../shared/contract/index.js';

/**
 * What a practice added from the console says before the owner words it themselves, keyed by id
 * like the prompt catalog (so it can be folded into it). `{name}` is the practice's name.
 */
export const NEW_PRACTICE_WORDS: Record<'practice.greeting' | 'practice.first-service', Record<Language, string>> = {
  'practice.greeting': {
    en: 'Thank you for calling {name}. How can I help you today?',
    es: 'Gracias por llamar a {name}. ¿En qué le puedo ayudar?',
  },
  'practice.first-service': { en: 'Appointment', es: 'Cita' },
};
