import type { Language } from '../../../../shared/contract/index.js';
import { EN } from './catalog-en.js';
import { ES } from './catalog-es.js';

export type MessageId = keyof typeof EN;
export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGS: Record<Language, Record<MessageId, string>> = { en: EN, es: ES };
const PARAM = /\{(\w+)\}/g;

/**
 * One sentence of the catalog in `lang`, parameters filled in. `{Name}` (capitalized) fills in
 * the parameter `name` with its first letter raised, for values that open a sentence.
 * A missing parameter is a programming error, so it throws rather than saying "{when}".
 */
export function message(lang: Language, id: MessageId, params: MessageParams = {}): string {
  const template = CATALOGS[lang][id];
  return template.replace(PARAM, (_match, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const value = params[key] ?? params[lower];
    if (value === undefined) throw new Error(`message ${id} needs the parameter "${key}"`);
    const text = String(value);
    return key !== lower && params[key] === undefined ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}

/** Every id, for tests that check both catalogs say something for each. */
export function messageIds(): MessageId[] {
  return Object.keys(EN) as MessageId[];
}
