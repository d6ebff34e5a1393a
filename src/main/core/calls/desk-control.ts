import { ContractError, type CallSummaryDto } from '../../../shared/contract/index.js';
import { message } from '../conversation/index.js';
import type { Logger } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import type { CallControl } from './call-control.js';
import type { CallFlow } from './call-flow.js';
import type { CallService } from './call-service.js';
import type { CallRecord } from './ports.js';

/** Rehearsal calls never reached Twilio: their "telephony" is the console panel itself. */
import { REHEARSAL_SID_PREFIX } from './rehearsal-sid.js';

export { REHEARSAL_SID_PREFIX };
const NO_TELEPHONY: CallControl = {
  enterStaffMode: async () => {},
  deliverStaffLines: async () => {},
  resumeReceptionist: async () => {},
  transfer: async () => {},
};

/**
 * The desk stepping into a live call: take it over and type to the caller, hand it back with the
 * receptionist's state intact, or put it through to a person. State changes happen under the
 * call's lock; the telephony change follows, and a refused change is rolled back.
 */
export class DeskControl {
  constructor(
    private readonly deps: { flow: CallFlow; calls: CallService; tenants: TenantService; control: CallControl; logger: Logger },
  ) {}

  async takeOver(tenantId: string, callId: string, staffName: string): Promise<CallSummaryDto> {
    const call = this.live(tenantId, callId);
    if (call.mode === 'staff') return this.deps.calls.summary(call);
    await this.deps.flow.withCall(call.callSid, async () => {
      const fresh = this.live(tenantId, callId);
      this.deps.calls.recordTurn(fresh, { replies: [], mode: 'staff', state: { ...fresh.state, staffQueue: [], staffGreeted: false } });
    });
    try {
      await this.controlFor(call).enterStaffMode(call.callSid);
    } catch (error) {
      await this.setMode(call, 'receptionist');
      throw error;
    }
    this.deps.logger.info({ tenantId, callId, staffName }, 'staff took over a call');
    return this.deps.calls.summary(this.deps.calls.get(tenantId, callId));
  }

  async say(tenantId: string, callId: string, text: string, staffName: string): Promise<CallSummaryDto> {
    const call = this.live(tenantId, callId);
    if (call.mode !== 'staff') throw new ContractError('conflict', 'Take the call over before typing to the caller.');
    await this.deps.flow.withCall(call.callSid, async () => {
      const fresh = this.live(tenantId, callId);
      this.deps.calls.recordTurn(fresh, { replies: [text], speaker: 'staff', state: { ...fresh.state, staffQueue: [...(fresh.state.staffQueue ?? []), text] } });
    });
    await this.controlFor(call).deliverStaffLines(call.callSid);
    this.deps.logger.info({ tenantId, callId, staffName }, 'staff spoke to a caller');
    return this.deps.calls.summary(this.deps.calls.get(tenantId, callId));
  }

  async handBack(tenantId: string, callId: string, staffName: string): Promise<CallSummaryDto> {
    const call = this.live(tenantId, callId);
    if (call.mode !== 'staff') return this.deps.calls.summary(call);
    await this.setMode(call, 'receptionist');
    try {
      await this.controlFor(call).resumeReceptionist(call.callSid);
    } catch (error) {
      await this.setMode(call, 'staff');
      throw error;
    }
    this.deps.logger.info({ tenantId, callId, staffName }, 'staff handed a call back');
    return this.deps.calls.summary(this.deps.calls.get(tenantId, callId));
  }

  async transfer(tenantId: string, callId: string, to: string | undefined, staffName: string): Promise<CallSummaryDto> {
    const call = this.live(tenantId, callId);
    const number = to ?? this.deps.tenants.get(tenantId).config.transferNumber;
    if (!number) throw new ContractError('invalid_input', 'This practice has no transfer number. Type the number to transfer to.');
    const sentence = message(call.state.language ?? this.deps.tenants.get(tenantId).config.languages[0] ?? 'en', 'call.connecting');
    await this.controlFor(call).transfer(call.callSid, number, sentence);
    await this.deps.flow.withCall(call.callSid, async () => {
      const fresh = this.live(tenantId, callId);
      this.deps.calls.recordTurn(fresh, { replies: [sentence], outcome: 'transferred', state: fresh.state });
    });
    this.deps.logger.info({ tenantId, callId, staffName }, 'staff transferred a call');
    return this.deps.calls.summary(this.deps.calls.get(tenantId, callId));
  }

  private live(tenantId: string, callId: string): CallRecord {
    const call = this.deps.calls.get(tenantId, callId);
    if (call.endedAt !== null) throw new ContractError('conflict', 'This call has ended.');
    return call;
  }

  private async setMode(call: CallRecord, mode: CallRecord['mode']): Promise<void> {
    await this.deps.flow.withCall(call.callSid, async () => {
      const fresh = this.deps.calls.get(call.tenantId, call.id);
      this.deps.calls.recordTurn(fresh, { replies: [], mode, state: fresh.state });
    });
  }

  private controlFor(call: CallRecord): CallControl {
    return call.callSid.startsWith(REHEARSAL_SID_PREFIX) ? NO_TELEPHONY : this.deps.control;
  }
}
