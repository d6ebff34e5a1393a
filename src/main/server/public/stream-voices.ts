import type { Language } from '../../../shared/contract/index.js';

/**
 * The languages a media stream can be opened in: Deepgram recognizes both (nova-3 and nova-2 take
 * `language=es`) and Aura-2 has voices for both. A stream speaks one language; a caller who turns
 * to the other mid-call goes on in gather mode, where Twilio speaks each.
 */
export const STREAM_LANGUAGES: readonly Language[] = ['en', 'es'];

/** The voice for a language when the practice's `voice.ttsVoice` is not one of that language's. */
export const DEFAULT_STREAM_VOICES: Readonly<Record<Language, string>> = {
  en: 'aura-2-thalia-en',
  es: 'aura-2-estrella-es',
};

/**
 * The Aura voice a call in `language` is spoken in: the practice's own (`voice.ttsVoice`) when it
 * is a voice of that language (Aura names end in the language, `aura-2-thalia-en`), otherwise the
 * default voice of the language, so an English practice voice never reads Spanish.
 */
export function voiceFor(practiceVoice: string, language: Language): string {
  return practiceVoice.endsWith(`-${language}`) ? practiceVoice : DEFAULT_STREAM_VOICES[language];
}
