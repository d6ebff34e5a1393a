import type { TenantConfig } from '../../../../shared/contract/index.js';
import { foldAccents } from '../understanding/normalize.js';

/**
 * The practice's "come in and we'll take a look" visit, for callers who describe a problem
 * ("my crown came off", "the car pulls left") or say they don't know what to book. Found from
 * the service's own name (then its aliases): a general look-over ("Dental exam", "Check-up",
 * "Diagnostic", "New patient consultation"), not a specific one ("Brake inspection"). A name
 * with "exam" / "inspection" / "diagnostic" beats one with "consultation"; two candidates at the
 * same level decide nothing. No configuration: a practice without such a service keeps asking.
 */

/** Words of a general look-over, in the languages the receptionist speaks (accents folded). */
const TIERS: readonly string[] = [
  'exam|examination|check ?up|check-up|inspection|diagnostic|diagnostics|assessment|evaluation|examen|revision|chequeo|diagnostico|valoracion',
  'consultation|consult|visit|office visit|consulta|visita',
];
/**
 * What may qualify a general visit and keep it general: "Dental exam", "New patient consultation",
 * "Examen dental". Anything else makes it specific ("Brake inspection", "Whitening consultation").
 */
const GENERAL_WORDS =
  '(?:general|basic|routine|regular|standard|full|complete|comprehensive|initial|first|new patient|new client|new customer|annual|yearly|dental|medical|physical|eye|vision|wellness|health|vehicle|car|auto|courtesy|free|general|inicial|primera|completo|completa|dental|medico|medica|general|anual|de rutina)';

const generalName = (tier: string) => new RegExp(`^(?:${GENERAL_WORDS} )*(?:${tier})(?: ${GENERAL_WORDS})*$`);

function fold(text: string): string {
  return foldAccents(text).replace(/[^a-z0-9 -]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function generalService(tenant: TenantConfig): string | null {
  const named = (s: TenantConfig['services'][number]) => [s.name, ...Object.values(s.names)].map((n) => fold(n ?? ''));
  const aliased = (s: TenantConfig['services'][number]) => s.aliases.map(fold);
  for (const words of [named, aliased]) {
    for (const tier of TIERS.map(generalName)) {
      const found = tenant.services.filter((s) => words(s).some((w) => tier.test(w)));
      if (found.length === 1) return found[0]?.id ?? null;
      if (found.length > 1) return null;
    }
  }
  return null;
}

/** "I'm not sure", "whatever you think", "no sé": the caller can't name the service. */
const UNSURE = /\b(?:not sure|unsure|no idea|do not know|don ?t know|dunno|no clue|whatever|whichever|you tell me|i guess|no se|no estoy segur[oa]|lo que sea|cualquiera|usted digame)\b/;

export function soundsUnsure(said: string): boolean {
  return UNSURE.test(fold(said));
}
