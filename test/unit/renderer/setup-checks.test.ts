import { describe, expect, it } from 'vitest';
import type { PhoneAttachmentDto, SetupStatus, TunnelStatusDto } from '../../../src/shared/contract/setup.js';
import { checkSteps } from '../../../src/renderer/features/setup/setup-checks.js';

function status(overrides: Partial<SetupStatus> = {}): SetupStatus {
  return {
    twilio: { accountSid: null, authTokenSet: false, pinnedByEnvironment: false },
    tunnel: {
      mode: 'none',
      ownUrl: null,
      ngrokDomain: null,
      ngrokAuthtokenSet: false,
      pinnedByEnvironment: false,
      status: { mode: 'none', state: 'off', url: null, problem: null, selfTest: null, since: 0 },
    },
    attachments: [],
    lastWebhookAt: null,
    secrets: [],
    completedAt: null,
    ...overrides,
  };
}

const attached: PhoneAttachmentDto = { tenantId: 'bright-smiles', phoneNumber: '+15555550123', numberSid: 'PN1', pointedAt: 'https://x.example', verifiedAt: 5, problem: null };
const up: TunnelStatusDto = { mode: 'url', state: 'up', url: 'https://x.example', problem: null, selfTest: 'passed', since: 0 };
const call = { id: 'c1', tenantId: 'bright-smiles', tenantName: 'B', callSid: 'CA1', from: '+15555550177', callerName: null, customerId: null, startedAt: '', endedAt: null, active: true, twilioStatus: 'in-progress', outcome: null, summary: null } as never;

describe('the wizard steps check themselves', () => {
  it('on a fresh install only the practice is done', () => {
    const checks = checkSteps({ status: status(), tenantId: 'bright-smiles', tenantName: 'Bright Smiles Dental', testCall: null });
    expect(Object.fromEntries(Object.entries(checks).map(([id, c]) => [id, c.done]))).toEqual({ practice: true, phone: false, reachability: false, 'test-call': false, live: false });
    expect(checks.phone.summary).toBe('Twilio account SID and auth token');
  });

  it('reachability needs the tunnel up, the self-test passed and the number read back', () => {
    const base = { twilio: { accountSid: 'AC1', authTokenSet: true, pinnedByEnvironment: false }, attachments: [attached] };
    const tunnel = (s: TunnelStatusDto) => ({ ...status().tunnel, mode: 'url' as const, status: s });
    expect(checkSteps({ status: status({ ...base, tunnel: tunnel(up) }), tenantId: 'bright-smiles', tenantName: null, testCall: null }).reachability.done).toBe(true);
    expect(checkSteps({ status: status({ ...base, tunnel: tunnel({ ...up, selfTest: 'failed', problem: 'nope' }) }), tenantId: 'bright-smiles', tenantName: null, testCall: null }).reachability).toEqual({ done: false, summary: 'nope' });
    expect(checkSteps({ status: status({ ...base, attachments: [{ ...attached, verifiedAt: null, problem: 'TwiML app' }], tunnel: tunnel(up) }), tenantId: 'bright-smiles', tenantName: null, testCall: null }).reachability.done).toBe(false);
  });

  it('goes live only after a test call and "Go live"', () => {
    const ready = status({ twilio: { accountSid: 'AC1', authTokenSet: true, pinnedByEnvironment: false }, attachments: [attached], tunnel: { ...status().tunnel, status: up } });
    expect(checkSteps({ status: ready, tenantId: 'bright-smiles', tenantName: null, testCall: null }).live.summary).toBe('Finish the steps above');
    expect(checkSteps({ status: ready, tenantId: 'bright-smiles', tenantName: null, testCall: call }).live).toEqual({ done: false, summary: 'Ready to go live' });
    expect(checkSteps({ status: { ...ready, completedAt: 1 }, tenantId: 'bright-smiles', tenantName: null, testCall: call }).live.done).toBe(true);
  });
});
