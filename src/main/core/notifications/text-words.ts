import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../shared/contract/index.js';
import { renderTextTemplate, TEXT_LANGUAGES, textPhone, textTemplate, type TextLanguage, type TextTemplateId, type TextValues } from '../../../shared/lib/text-templates.js';
import { sayTime, type BookingRecord, type CustomerRecord } from '../scheduling/index.js';

/**
 * The language a customer is texted in: the one they spoke on their last call (issue 13 keeps it
 * on the customer record), else the practice's default language (its first), else English.
 */
export function textLanguageFor(customer: CustomerRecord | null, tenant: Pick<TenantConfig, 'languages'>): TextLanguage {
  const language = customer?.language ?? tenant.languages[0] ?? 'en';
  return (TEXT_LANGUAGES as readonly string[]).includes(language) ? (language as TextLanguage) : 'en';
}

/** One text in the practice's wording (its override or the built-in one) with the values filled in. */
export function composeText(tenant: TenantConfig, language: TextLanguage, id: TextTemplateId, values: TextValues): string {
  return renderTextTemplate(textTemplate(tenant.texts.templates, language, id), { practice: tenant.name, phone: textPhone(tenant.phoneNumbers[0] ?? ''), ...values });
}

const LOCALE: Record<TextLanguage, string> = { en: 'en-US', es: 'es' };

/** "Tuesday, November 24" (or "martes, 24 de noviembre") in the practice's zone; the year only when it differs. */
export function textDate(instant: number, tenant: TenantConfig, language: TextLanguage, now: number): string {
  const day = DateTime.fromMillis(instant, { zone: tenant.timezone }).setLocale(language === 'en' ? tenant.locale : LOCALE[language]);
  const sameYear = day.year === DateTime.fromMillis(now, { zone: tenant.timezone }).year;
  return day.toLocaleString(sameYear ? { weekday: 'long', month: 'long', day: 'numeric' } : { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).replace(/[\u202f\u00a0]/g, ' ');
}

export function textTime(instant: number, tenant: TenantConfig, language: TextLanguage): string {
  if (language === 'en') return sayTime(instant, tenant);
  return DateTime.fromMillis(instant, { zone: tenant.timezone }).setLocale(LOCALE[language]).toLocaleString(DateTime.TIME_SIMPLE).replace(/[\u202f\u00a0]/g, ' ');
}

/** The placeholders a booking fills. */
export function bookingValues(tenant: TenantConfig, booking: Pick<BookingRecord, 'serviceId' | 'providerId' | 'start'>, customer: CustomerRecord | null, language: TextLanguage, now: number): TextValues {
  return {
    name: customer?.name ?? '',
    service: serviceName(tenant, booking.serviceId, language),
    provider: tenant.providers.find((p) => p.id === booking.providerId)?.name ?? booking.providerId,
    date: textDate(booking.start, tenant, language, now),
    time: textTime(booking.start, tenant, language),
  };
}

const APPOINTMENT: Record<TextLanguage, string> = { en: 'appointment', es: 'cita' };

/** "teeth cleaning" / "limpieza dental": the service as the practice names it in that language. */
export function serviceName(tenant: TenantConfig, serviceId: string, language: TextLanguage): string {
  const service = tenant.services.find((s) => s.id === serviceId);
  return (service ? (service.names[language] ?? service.name) : APPOINTMENT[language]).toLowerCase();
}
