import { ContractError, PRACTICE_TIME_ZONES, type CommandInput, type TenantConfigInput, type WeekHours } from '../../shared/contract/index.js';
import { normalizePhone } from '../core/scheduling/index.js';
import type { TenantRecord, TenantService } from '../core/tenants/index.js';
import { NEW_PRACTICE_WORDS } from './new-practice-words.js';

/** Monday to Friday, nine to five: where most practices start, edited in Settings afterwards. */
export const DEFAULT_WEEK_HOURS: WeekHours = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
  sat: [],
  sun: [],
};

/** "Sunrise Vet & Co." → "sunrise-vet-co": ids are derived from names and never shown. */
export function idFromName(name: string, taken: (id: string) => boolean): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'practice';
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A complete practice file from the console's "Add a practice" essentials. The result goes through
 * the same schema and save as `frontdesk tenant import`; nothing about it is special afterwards.
 */
export function newPracticeConfig(input: CommandInput<'tenants/create'>, taken: (id: string) => boolean): TenantConfigInput {
  const zone = PRACTICE_TIME_ZONES.find((z) => z.zone === input.timezone);
  if (!zone) throw new ContractError('invalid_input', 'Choose the practice\'s time zone from the list.', ['timezone: choose a time zone from the list']);
  const name = input.name.trim();
  const phone = input.phone?.trim() ?? '';
  const transferNumber = phone ? normalizePhone(phone, zone.country) : null;
  if (phone && !transferNumber) {
    throw new ContractError('invalid_input', `"${phone}" is not a phone number we can dial.`, ['phone: enter the front-desk number the way you dial it, with its area code, like (555) 555-0123']);
  }
  const language = input.language;
  const providerName = input.providerName.trim();
  const providerId = idFromName(providerName, () => false);
  return {
    id: idFromName(name, taken),
    name,
    timezone: zone.zone,
    country: zone.country,
    locale: `${language}-${zone.country}`,
    transferNumber,
    // A name ending in a period ("Co.") does not end the sentence twice.
    greeting: NEW_PRACTICE_WORDS['practice.greeting'][language].replace('{name}', name).replace('..', '.'),
    languages: [language],
    hours: input.hours ?? DEFAULT_WEEK_HOURS,
    booking: { slotStepMinutes: 15, minNoticeMinutes: 120, maxAdvanceDays: 60, holdMinutes: 5 },
    providers: [{ id: providerId, name: providerName }],
    services: [{ id: 'appointment', name: NEW_PRACTICE_WORDS['practice.first-service'][language], durationMinutes: 30, providerIds: [providerId] }],
  };
}

export function createPractice(tenants: TenantService, input: CommandInput<'tenants/create'>, actor: string): TenantRecord {
  const config = newPracticeConfig(input, (id) => tenants.find(id) !== null);
  return tenants.save(config, actor);
}
