import { ContractError, type RehearsalTurnDto } from '../../../shared/contract/index.js';
import type { IdGenerator } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import type { CallFlow, VoiceReply } from './call-flow.js';
import { collectReply } from './reply-collector.js';
import type { CallService } from './call-service.js';
import { REHEARSAL_SID_PREFIX } from './desk-control.js';

/**
 * A rehearsal call: the owner types as a caller and reads the receptionist's answers. It runs
 * through the same call flow, brain, actions and records as a phone call (so it books for real
 * and shows on the live board); only Twilio is left out.
 */
export class Rehearsals {
  private readonly open = new Map<string, { callSid: string; tenantId: string }>();

  constructor(
    private readonly deps: {
      flow: CallFlow;
      calls: CallService;
      tenants: TenantService;
      ids: IdGenerator;
      /** The rehearsal is over: its test bookings go (scheduling removes them). */
      onEnded?: (tenantId: string, callId: string) => void;
    },
  ) {}

  async start(tenantId: string, from: string | null): Promise<RehearsalTurnDto> {
    const tenant = this.deps.tenants.get(tenantId).config;
    const callSid = `${REHEARSAL_SID_PREFIX}${this.deps.ids.next().replace(/-/g, '')}`;
    const reply = await collectReply((out) => this.deps.flow.incoming({ callSid, from, to: tenant.phoneNumbers[0] ?? 'rehearsal', tenantId, rehearsal: true }, out));
    const call = this.deps.calls.findBySid(callSid);
    if (!call) throw new ContractError('internal', 'The rehearsal call could not be opened.');
    this.open.set(call.id, { callSid, tenantId });
    return this.toTurn(call.id, callSid, reply);
  }

  async say(callId: string, text: string): Promise<RehearsalTurnDto> {
    const entry = this.open.get(callId);
    if (!entry) throw new ContractError('not_found', 'This rehearsal has ended. Start a new one.');
    const call = this.deps.calls.get(entry.tenantId, callId);
    const reply =
      call.mode === 'staff'
        ? await collectReply((out) => this.deps.flow.staffTurn({ callSid: entry.callSid, speech: text, confidence: 1 }, out))
        : await collectReply((out) => this.deps.flow.gather({ callSid: entry.callSid, speech: text, confidence: 1, digits: '' }, out));
    return this.toTurn(callId, entry.callSid, reply);
  }

  /** The practice an open rehearsal belongs to, so access checks can scope commands that name only the call. */
  tenantOf(callId: string): string | null {
    return this.open.get(callId)?.tenantId ?? null;
  }

  hangUp(callId: string): { callId: string } {
    const entry = this.open.get(callId);
    if (entry) this.end(callId, entry.callSid);
    return { callId };
  }

  private toTurn(callId: string, callSid: string, reply: VoiceReply): RehearsalTurnDto {
    if (reply.kind === 'refuse') {
      this.end(callId, callSid);
      return { callId, said: [reply.say], state: 'ended', transferTo: null };
    }
    const state = reply.next === 'listen' ? 'listening' : reply.next === 'transfer' ? 'transferred' : 'ended';
    if (state !== 'listening') this.end(callId, callSid);
    return { callId, said: reply.say, state, transferTo: reply.next === 'transfer' ? reply.transferTo : null };
  }

  private end(callId: string, callSid: string): void {
    const entry = this.open.get(callId);
    this.open.delete(callId);
    this.deps.flow.status({ callSid, status: 'completed', sequence: null });
    if (entry) this.deps.onEnded?.(entry.tenantId, callId);
  }
}
