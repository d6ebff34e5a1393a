import { z } from 'zod';
import { tenantSummarySchema } from './dto.js';
import { language, weekHours } from './tenant.js';

/**
 * Time zones offered when a practice is added, in people's words. The country goes with the zone
 * (the practice's phone numbers are read in it); the list is short on purpose: a practice far
 * from these can still be imported from a file with any time zone.
 */
export const PRACTICE_TIME_ZONES = [
  { zone: 'America/New_York', label: 'Eastern Time (New York, Miami, Atlanta)', country: 'US' },
  { zone: 'America/Chicago', label: 'Central Time (Chicago, Dallas, Houston)', country: 'US' },
  { zone: 'America/Denver', label: 'Mountain Time (Denver, Salt Lake City)', country: 'US' },
  { zone: 'America/Phoenix', label: 'Arizona (Phoenix, no daylight saving)', country: 'US' },
  { zone: 'America/Los_Angeles', label: 'Pacific Time (Los Angeles, Seattle)', country: 'US' },
  { zone: 'America/Anchorage', label: 'Alaska (Anchorage)', country: 'US' },
  { zone: 'Pacific/Honolulu', label: 'Hawaii (Honolulu)', country: 'US' },
  { zone: 'America/Puerto_Rico', label: 'Atlantic Time (Puerto Rico)', country: 'PR' },
  { zone: 'America/Toronto', label: 'Eastern Time, Canada (Toronto)', country: 'CA' },
  { zone: 'America/Vancouver', label: 'Pacific Time, Canada (Vancouver)', country: 'CA' },
  { zone: 'America/Mexico_City', label: 'Mexico City', country: 'MX' },
  { zone: 'Europe/Madrid', label: 'Spain (Madrid)', country: 'ES' },
  { zone: 'Europe/London', label: 'United Kingdom (London)', country: 'GB' },
] as const;

export const practiceCreateCommands = {
  /**
   * Owners only: a new practice from the essentials. The id is derived from the name; the rest
   * (services, policies, texts) starts from defaults the owner then edits in Settings. Validated
   * with the same schema as `frontdesk tenant import`.
   */
  'tenants/create': {
    input: z
      .object({
        name: z.string().trim().min(1, { error: 'enter the practice\'s name' }).max(100),
        timezone: z.string().min(1),
        /** The front-desk number as people write it locally ("(555) 555-0123"); calls are transferred there. */
        phone: z.string().trim().max(40).default(''),
        language,
        hours: weekHours.optional(),
        /** Who sees clients: a practice needs at least one provider to book. */
        providerName: z.string().trim().min(1, { error: 'enter the name of someone who sees clients' }).max(100),
      })
      .strict(),
    output: tenantSummarySchema,
  },
} as const;
