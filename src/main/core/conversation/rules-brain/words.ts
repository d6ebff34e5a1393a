import type { TenantConfig } from '../../../../shared/contract/index.js';
import type { Turn } from './turn.js';

/** "Teeth cleaning" → "teeth cleaning", but "MRI scan" stays as it is. */
export function lowerFirst(text: string): string {
  const second = text.charAt(1);
  return second && second === second.toLowerCase() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

function serviceName(t: Turn, serviceId: string | null): string | null {
  const service = t.tenant.services.find((s) => s.id === serviceId);
  if (!service) return null;
  return lowerFirst(service.names[t.lang] ?? service.name);
}

/** "teeth cleaning" / "limpieza dental"; "appointment" when unknown. */
export function serviceWords(t: Turn, serviceId: string | null): string {
  return serviceName(t, serviceId) ?? t.m('word.appointment');
}

/** "a teeth cleaning" in English; Spanish says the service without an article ("para limpieza dental"). */
export function serviceWithArticle(t: Turn, serviceId: string | null): string {
  const name = serviceName(t, serviceId);
  if (!name) return t.m('word.anAppointment');
  return t.lang === 'en' ? withArticle(name) : name;
}

export function providerWords(t: Turn, providerId: string | null): string {
  return t.tenant.providers.find((p) => p.id === providerId)?.name ?? t.m('word.someone');
}

/** Good enough for English service names: "cleanings", "consultations", "braces" stays readable. */
export function plural(t: Turn, phrase: string): string {
  if (t.lang === 'es') return phrase;
  if (/(s|x|z|ch|sh)$/i.test(phrase)) return `${phrase}es`;
  if (/[^aeiou]y$/i.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  return `${phrase}s`;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** Digits spaced so text-to-speech reads "5 5 5" rather than "five hundred fifty-five". */
export function spellPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  const spaced = (part: string) => part.split('').join(' ');
  if (national.length === 10) return `${spaced(national.slice(0, 3))}, ${spaced(national.slice(3, 6))}, ${spaced(national.slice(6))}`;
  return spaced(national);
}

export function tenantServiceExamples(t: Turn, tenant: TenantConfig): string[] {
  return tenant.services.slice(0, 4).map((s) => serviceWithArticle(t, s.id));
}
