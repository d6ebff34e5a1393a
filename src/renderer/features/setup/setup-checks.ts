import type { CallSummaryDto } from '../../../shared/contract/calls.js';
import type { PhoneAttachmentDto, SetupStatus } from '../../../shared/contract/setup.js';

export const SETUP_STEPS = [
  { id: 'practice', title: 'Practice' },
  { id: 'phone', title: 'Phone' },
  { id: 'reachability', title: 'Reachability' },
  { id: 'test-call', title: 'Test call' },
  { id: 'live', title: 'Live' },
] as const;

export type StepId = (typeof SETUP_STEPS)[number]['id'];

export interface StepCheck {
  done: boolean;
  /** One line on where the step stands, shown in the step list. */
  summary: string;
}

export function isStepId(value: string | null): value is StepId {
  return SETUP_STEPS.some((step) => step.id === value);
}

export function attachmentFor(status: SetupStatus, tenantId: string | null): PhoneAttachmentDto | null {
  return status.attachments.find((a) => a.tenantId === tenantId) ?? null;
}

/** Each step checks itself against what the appliance reports, so a step done elsewhere (the CLI) shows done here. */
export function checkSteps(input: { status: SetupStatus; tenantId: string | null; tenantName: string | null; testCall: CallSummaryDto | null }): Record<StepId, StepCheck> {
  const { status, tenantId } = input;
  const attachment = attachmentFor(status, tenantId);
  const tunnel = status.tunnel.status;
  const practice: StepCheck = tenantId ? { done: true, summary: input.tenantName ?? tenantId } : { done: false, summary: 'Pick or import a practice' };
  const phone: StepCheck =
    status.twilio.authTokenSet && attachment
      ? { done: true, summary: attachment.phoneNumber }
      : { done: false, summary: status.twilio.authTokenSet ? 'Pick the number callers dial' : 'Twilio account SID and auth token' };
  const reachable = tunnel.state === 'up' && tunnel.selfTest === 'passed' && attachment?.verifiedAt != null;
  const reachability: StepCheck = reachable
    ? { done: true, summary: tunnel.url ?? '' }
    : { done: false, summary: tunnel.problem ?? attachment?.problem ?? (tunnel.mode === 'none' ? 'ngrok or your own URL' : 'Checking…') };
  const testCall: StepCheck = input.testCall ? { done: true, summary: `Call from ${input.testCall.from ?? 'a hidden number'}` } : { done: false, summary: 'Call your number' };
  const allBefore = practice.done && phone.done && reachability.done && testCall.done;
  const live: StepCheck =
    allBefore && status.completedAt !== null ? { done: true, summary: 'Answering calls' } : { done: false, summary: allBefore ? 'Ready to go live' : 'Finish the steps above' };
  return { practice, phone, reachability, 'test-call': testCall, live };
}
