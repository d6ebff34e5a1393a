import { ContractError } from '../../../shared/contract/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import type { NumberWebhooks, PhoneAttachment, PhoneAttachmentRepository, PhoneNumberRecord, PhoneNumbersGateway } from './ports.js';

/** A number Twilio refused (or a TwiML app overrides) is tried again this often, not on every check. */
const RETRY_FAILED_MS = 60_000;
/** A verified number is read back again this often, to notice an edit made in Twilio's console. */
const REVERIFY_MS = 15 * 60_000;

export const WEBHOOK_PATHS = { voice: '/twilio/voice', status: '/twilio/status', sms: '/twilio/sms' } as const;

/** What a number must hold to reach this appliance at `base`. */
export function webhooksFor(base: string): NumberWebhooks {
  return {
    voiceUrl: base + WEBHOOK_PATHS.voice,
    voiceMethod: 'POST',
    statusCallback: base + WEBHOOK_PATHS.status,
    statusCallbackMethod: 'POST',
    smsUrl: base + WEBHOOK_PATHS.sms,
    smsMethod: 'POST',
  };
}

/** Why Twilio would not use the URLs we set, in the owner's words; null when it will. */
export function routingWarning(number: PhoneNumberRecord): string | null {
  if (number.trunkSid) {
    return `${number.phoneNumber} is routed by a SIP trunk (${number.trunkSid}) in Twilio, which overrides the webhooks Frontdesk sets. Remove it from the trunk in Twilio's console.`;
  }
  if (number.voiceApplicationSid) {
    return `${number.phoneNumber} is answered by a TwiML app (${number.voiceApplicationSid}) in Twilio, which overrides the webhooks Frontdesk sets. In Twilio's console, set "A call comes in" to Webhook instead.`;
  }
  return null;
}

export interface NumberView {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  attachedTo: string | null;
  warning: string | null;
}

export interface PhoneSetupDeps {
  /** Twilio's numbers through the current credentials; null when no account is configured. */
  gateway: () => PhoneNumbersGateway | null;
  attachments: PhoneAttachmentRepository;
  tenants: TenantService;
  publicUrl: () => string | null;
  clock: Clock;
  logger: Logger;
  onChanged: () => void;
}

/**
 * Points a practice's Twilio number at this appliance and keeps it pointed: sets the voice URL,
 * status callback and SMS URL to the public URL, reads them back to prove it, re-points them
 * when the URL changes, and puts back what was there when the practice lets the number go.
 */
export class PhoneSetup {
  private pointing: Promise<void> = Promise.resolve();
  /** When each practice's number was last tried, so a number Twilio keeps refusing is not retried every second. */
  private readonly lastTry = new Map<string, number>();

  constructor(private readonly deps: PhoneSetupDeps) {}

  private gateway(): PhoneNumbersGateway {
    const gateway = this.deps.gateway();
    if (!gateway) throw new ContractError('unavailable', 'Twilio is not set up yet: enter the account SID and auth token first.');
    return gateway;
  }

  async listNumbers(): Promise<NumberView[]> {
    const attached = new Map(this.deps.attachments.list().map((a) => [a.numberSid, a.tenantId]));
    const numbers = await this.gateway().list();
    return numbers.map((n) => ({
      sid: n.sid,
      phoneNumber: n.phoneNumber,
      friendlyName: n.friendlyName,
      attachedTo: attached.get(n.sid) ?? null,
      warning: routingWarning(n),
    }));
  }

  attachments(): PhoneAttachment[] {
    return this.deps.attachments.list();
  }

  async attach(tenantId: string, phoneNumber: string, actor: string): Promise<PhoneAttachment> {
    const tenant = this.deps.tenants.get(tenantId);
    const number = await this.gateway().findByNumber(phoneNumber);
    if (!number) throw new ContractError('not_found', `${phoneNumber} is not a number on this Twilio account. Pick one from \`frontdesk phone list\`.`);
    const holder = this.deps.attachments.list().find((a) => a.numberSid === number.sid && a.tenantId !== tenantId);
    if (holder) throw new ContractError('conflict', `${phoneNumber} already answers for practice "${holder.tenantId}". Detach it there first.`);
    const existing = this.deps.attachments.get(tenantId);
    if (existing && existing.numberSid !== number.sid) await this.detach(tenantId, actor);

    // Calls pick the practice by the number dialled, so the practice must list it.
    if (!tenant.config.phoneNumbers.includes(number.phoneNumber)) {
      this.deps.tenants.save({ ...tenant.config, phoneNumbers: [...tenant.config.phoneNumbers, number.phoneNumber] }, actor);
    }
    const attachment: PhoneAttachment = {
      tenantId,
      numberSid: number.sid,
      phoneNumber: number.phoneNumber,
      // Re-attaching the same number keeps what was there before Frontdesk first touched it.
      previous: existing?.numberSid === number.sid ? existing.previous : pickWebhooks(number),
      pointedAt: null,
      verifiedAt: null,
      problem: null,
      attachedAt: this.deps.clock.now(),
    };
    this.deps.attachments.save(attachment);
    this.deps.logger.info({ tenantId, numberSid: number.sid, actor }, 'phone number attached');
    await this.point(attachment);
    return this.deps.attachments.get(tenantId) ?? attachment;
  }

  async detach(tenantId: string, actor: string): Promise<PhoneAttachment> {
    const attachment = this.deps.attachments.get(tenantId);
    if (!attachment) throw new ContractError('not_found', `Practice "${tenantId}" has no phone number attached.`);
    await this.gateway().update(attachment.numberSid, attachment.previous);
    this.deps.attachments.remove(tenantId);
    this.deps.logger.info({ tenantId, numberSid: attachment.numberSid, actor }, 'phone number detached; its previous webhooks are back');
    this.deps.onChanged();
    return attachment;
  }

  /**
   * Points every attached number at the current public URL where it is not already, and verifies
   * each by reading it back. One pass at a time: a URL change during a pass waits for it.
   */
  pointAll(options: { reverify?: boolean } = {}): Promise<void> {
    const run = async () => {
      for (const attachment of this.deps.attachments.list()) {
        if (!options.reverify) {
          const now = this.deps.clock.now();
          const settled = attachment.pointedAt === this.deps.publicUrl() && (attachment.verifiedAt !== null || attachment.problem !== null);
          const tried = this.lastTry.get(attachment.tenantId);
          const fresh = attachment.verifiedAt !== null ? now - attachment.verifiedAt < REVERIFY_MS : tried !== undefined && now - tried < RETRY_FAILED_MS;
          if (settled && fresh) continue;
        }
        await this.point(attachment);
      }
    };
    this.pointing = this.pointing.then(run, run);
    return this.pointing;
  }

  /** Resolves once no pointing pass is running (before the database closes). */
  idle(): Promise<void> {
    return this.pointing.catch(() => {});
  }

  private async point(attachment: PhoneAttachment): Promise<void> {
    const base = this.deps.publicUrl();
    this.lastTry.set(attachment.tenantId, this.deps.clock.now());
    const log = this.deps.logger.child({ tenantId: attachment.tenantId, numberSid: attachment.numberSid });
    let next: PhoneAttachment;
    if (!base) {
      next = { ...attachment, verifiedAt: null, problem: 'Waiting for a public URL: set up ngrok or your own URL, then the number is pointed here.' };
    } else {
      const wanted = webhooksFor(base);
      try {
        const gateway = this.gateway();
        if (attachment.pointedAt !== base || !sameWebhooks(pickWebhooks(await gateway.fetch(attachment.numberSid)), wanted)) {
          await gateway.update(attachment.numberSid, wanted);
        }
        const readBack = await gateway.fetch(attachment.numberSid);
        const warning = routingWarning(readBack);
        const matches = sameWebhooks(pickWebhooks(readBack), wanted);
        next = {
          ...attachment,
          pointedAt: base,
          verifiedAt: matches && !warning ? this.deps.clock.now() : null,
          problem: warning ?? (matches ? null : `Twilio reads back other webhooks than Frontdesk set on ${readBack.phoneNumber}.`),
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        next = { ...attachment, verifiedAt: null, problem: message };
      }
      if (next.problem) log.warn({ problem: next.problem }, 'phone number is not pointing here');
      else log.info({ publicUrl: base }, 'phone number points here (read back from Twilio)');
    }
    // It may have been detached while Twilio was answering; do not bring it back.
    if (this.deps.attachments.get(attachment.tenantId)?.numberSid === attachment.numberSid) this.deps.attachments.save(next);
    this.deps.onChanged();
  }
}

function pickWebhooks(n: NumberWebhooks): NumberWebhooks {
  return {
    voiceUrl: n.voiceUrl,
    voiceMethod: n.voiceMethod,
    statusCallback: n.statusCallback,
    statusCallbackMethod: n.statusCallbackMethod,
    smsUrl: n.smsUrl,
    smsMethod: n.smsMethod,
  };
}

/** URLs must match exactly (Twilio signs the exact URL); methods in any case. */
function sameWebhooks(a: NumberWebhooks, b: NumberWebhooks): boolean {
  return (Object.keys(b) as (keyof NumberWebhooks)[]).every((key) =>
    key.endsWith('Method') ? (a[key] ?? '').toUpperCase() === b[key].toUpperCase() : a[key] === b[key],
  );
}
