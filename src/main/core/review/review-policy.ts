import type { Service, TenantConfig } from '../../../shared/contract/index.js';

export interface ReviewSignals {
  /** Something the booking rests on was heard with confidence below the practice's minimum. */
  lowConfidence: boolean;
  /** How many times the receptionist had to ask again or correct itself in this booking. */
  clarifications: number;
  /** An emergency keyword came up in the call. */
  emergency: boolean;
}

/** Two re-asks mean the receptionist may have it wrong: a person should look. */
export const CLARIFICATIONS_FOR_REVIEW = 2;

/**
 * Why a booking should wait for staff instead of being confirmed. Empty = confirm. Each reason
 * is a short phrase the review queue shows ("new customer", "low speech confidence").
 */
export function reviewReasons(input: { tenant: TenantConfig; service: Service; isNewCustomer: boolean; signals: ReviewSignals }): string[] {
  const { tenant, service, isNewCustomer, signals } = input;
  const reasons: string[] = [];
  if (tenant.review.all) reasons.push('the practice reviews every booking');
  if (service.requiresReview) reasons.push(`${service.name} needs review`);
  if (tenant.review.newCustomers && isNewCustomer) reasons.push('new customer');
  if (signals.lowConfidence) reasons.push('low speech confidence');
  if (signals.clarifications >= CLARIFICATIONS_FOR_REVIEW) reasons.push(`needed ${signals.clarifications} clarifications`);
  if (signals.emergency) reasons.push('emergency mentioned');
  return reasons;
}
