import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../shared/contract/index.js';
import { renderTextTemplate, textTemplate, type TextLanguage, type TextTemplateId, type TextValues } from '../../../shared/lib/text-templates.js';
import { sayTime, type BookingRecord, type CustomerRecord } from '../scheduling/index.js';

/**
 * The language a customer is texted in. Today customers carry no language, so this is 'en';
 * issue 13 adds `language` to customers (the caller's language): a customer record with
 * `language: 'es'` is then texted with the Spanish wording. This is the one place to connect it.
 */
export function textLanguageFor(customer: (CustomerRecord & { language?: string | null }) | null): TextLanguage {
  return customer?.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** One text in the practice's wording (its override or the built-in one) with the values filled in. */
export function composeText(tenant: TenantConfig, language: TextLanguage, id: TextTemplateId, values: TextValues): string {
  return renderTextTemplate(textTemplate(tenant.texts.templates, language, id), { practice: tenant.name, phone: tenant.phoneNumbers[0] ?? '', ...values });
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
    service: (tenant.services.find((s) => s.id === booking.serviceId)?.name ?? 'appointment').toLowerCase(),
    provider: tenant.providers.find((p) => p.id === booking.providerId)?.name ?? booking.providerId,
    date: textDate(booking.start, tenant, language, now),
    time: textTime(booking.start, tenant, language),
  };
}
