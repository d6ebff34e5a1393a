import { blankUnderstanding } from '../../../../src/main/core/conversation/understanding/index.js';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type {
  ActionArgs,
  ActionContext,
  ActionName,
  ActionResult,
  ActionRouter,
  AppointmentSummary,
  OfferedSlot,
} from '../../../../src/main/core/conversation/actions/types.js';
import type { CallerInfo, TurnResult, Utterance } from '../../../../src/main/core/conversation/brain.js';
import { RulesBrain, type RulesState, type UnderstandFn } from '../../../../src/main/core/conversation/rules-brain/index.js';
import type { Intent, Understanding } from '../../../../src/main/core/conversation/understanding/types.js';
import { sayDate, sayTime } from '../../../../src/main/core/scheduling/index.js';
import { tenantConfigSchema, type TenantConfig, type TenantConfigInput } from '../../../../src/shared/contract/index.js';

export const ZONE = 'America/New_York';
/** Monday, November 23rd 2026, 9 AM in New York. */
export const NOW = Date.parse('2026-11-23T14:00:00Z');
export const CALLER_PHONE = '+15555550142';
export const TRANSFER = '+15555550100';

export const at = (local: string): number => DateTime.fromISO(local, { zone: ZONE }).toMillis();

export function demoTenant(edit: (raw: TenantConfigInput) => void = () => {}): TenantConfig {
  const raw = JSON.parse(readFileSync(new URL('../../../../resources/demo-practice.json', import.meta.url), 'utf8')) as TenantConfigInput;
  edit(raw);
  return tenantConfigSchema.parse(raw);
}

export function u(intent: Intent, extra: Partial<Understanding> = {}): Understanding {
  return { ...blankUnderstanding(intent, 0.9), ...extra };
}

const PROVIDER_NAMES: Record<string, string> = { 'dr-lee': 'Dr. Emily Lee', 'dr-patel': 'Dr. Raj Patel', maria: 'Maria Gomez, RDH' };

/** Worded like the real router: "Tuesday, November 24 at 3:00 PM with Maria Gomez, RDH". */
export function slot(local: string, providerId = 'maria', serviceId = 'cleaning', tenant = demoTenant()): OfferedSlot {
  const start = at(local);
  return { serviceId, providerId, start, spoken: `${sayDate(local.slice(0, 10), tenant, NOW)} at ${sayTime(start, tenant)} with ${PROVIDER_NAMES[providerId] ?? providerId}` };
}

export function appointment(bookingId: string, local: string, serviceId = 'cleaning', providerId = 'maria'): AppointmentSummary {
  const s = slot(local, providerId, serviceId);
  const service = serviceId === 'cleaning' ? 'teeth cleaning' : serviceId === 'exam' ? 'dental exam' : serviceId;
  return { bookingId, serviceId, providerId, start: s.start, status: 'confirmed', spoken: `your ${service} on ${s.spoken}` };
}

/** Tuesday 9 AM, Tuesday 2:30 PM, Wednesday 10 AM. */
export const THREE_SLOTS = [slot('2026-11-24T09:00'), slot('2026-11-24T14:30'), slot('2026-11-25T10:00')];

type Script<N extends ActionName> = ActionResult<N> | Error | ((args: ActionArgs<N>) => ActionResult<N>);

/** An in-memory router: records every call and answers from a script, else from sensible defaults. */
export class FakeActions implements ActionRouter {
  readonly calls: { name: ActionName; args: any; context: ActionContext }[] = [];
  private readonly queues = new Map<ActionName, Script<any>[]>();
  private holds = 0;

  constructor(private readonly tenant: TenantConfig) {}

  /** Queues answers for one action, used in order before falling back to the defaults. */
  on<N extends ActionName>(name: N, ...results: Script<N>[]): this {
    this.queues.set(name, [...(this.queues.get(name) ?? []), ...results]);
    return this;
  }

  argsOf(name: ActionName): any[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args);
  }

  names(): ActionName[] {
    return this.calls.map((c) => c.name);
  }

  async run<N extends ActionName>(name: N, args: ActionArgs<N>, context: ActionContext): Promise<ActionResult<N>> {
    this.calls.push({ name, args, context });
    const next = this.queues.get(name)?.shift() as Script<N> | undefined;
    if (next instanceof Error) throw next;
    if (typeof next === 'function') return next(args);
    if (next) return next;
    return this.fallback(name, args) as ActionResult<N>;
  }

  private fallback(name: ActionName, args: any): ActionResult<ActionName> {
    switch (name) {
      case 'check_availability': {
        const wish = args.wish ?? {};
        if (wish.date && wish.time) return { ok: true, data: { slots: [slot(`${wish.date}T${wish.time}`, args.providerId ?? 'maria', args.serviceId)] } };
        const provider = args.providerId ?? 'maria';
        return { ok: true, data: { slots: ['2026-11-24T09:00', '2026-11-24T14:30', '2026-11-25T10:00'].map((local) => slot(local, provider, args.serviceId)) } };
      }
      case 'hold_slot': {
        this.holds += 1;
        const local = DateTime.fromMillis(args.start, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
        return { ok: true, data: { holdId: `hold-${this.holds}`, slot: slot(local, args.providerId, args.serviceId), expiresAt: NOW + 300_000 } };
      }
      case 'book_appointment':
        return { ok: true, data: { bookingId: 'booking-1', status: 'confirmed', reviewReasons: [], spoken: 'your booking' } };
      case 'find_appointments':
        return { ok: true, data: { appointments: [] } };
      case 'cancel_appointment':
        return { ok: true, data: { bookingId: args.bookingId, spoken: 'your booking' } };
      case 'reschedule_appointment':
        return { ok: true, data: { bookingId: args.bookingId, status: 'confirmed', spoken: 'your booking' } };
      case 'answer_question': {
        const entry = args.faqIndex === null || args.faqIndex === undefined ? undefined : this.tenant.faq[args.faqIndex];
        return entry ? { ok: true, data: { answer: entry.answer } } : { ok: false, code: 'not_found', say: "I'm not sure about that one." };
      }
      case 'take_message':
        return { ok: true, data: { messageId: 'message-1', urgent: Boolean(args.urgent) } };
      case 'transfer_to_staff':
        return { ok: true, data: { number: this.tenant.transferNumber } };
      case 'join_waitlist':
        return { ok: true, data: { entryId: 'waitlist-1' } };
    }
  }
}

export interface CallOptions {
  tenant?: TenantConfig;
  caller?: Partial<CallerInfo>;
  /** What the scripted understanding makes of each sentence; anything else is `unknown`. */
  script?: Record<string, Understanding>;
  now?: number;
  understand?: UnderstandFn;
}

/** One simulated call: drives the brain turn by turn like the webhooks do, state stored as JSON. */
export class Call {
  readonly tenant: TenantConfig;
  readonly actions: FakeActions;
  readonly brain: RulesBrain;
  readonly caller: CallerInfo;
  readonly expects: (string | null | undefined)[] = [];
  readonly optionCounts: (number | null | undefined)[] = [];
  readonly errors: unknown[] = [];
  state: RulesState;
  last: TurnResult<RulesState> | undefined;
  private turnNo = 0;
  private readonly now: number;

  constructor(opts: CallOptions = {}) {
    this.tenant = opts.tenant ?? demoTenant();
    this.actions = new FakeActions(this.tenant);
    this.caller = { phone: CALLER_PHONE, customer: null, ...opts.caller };
    this.now = opts.now ?? NOW;
    const script = opts.script ?? {};
    const understand: UnderstandFn =
      opts.understand ??
      ((text, ctx) => {
        this.expects.push(ctx.expect);
        this.optionCounts.push(ctx.optionCount);
        return script[text] ?? u('unknown');
      });
    this.brain = new RulesBrain({ understand, report: (error) => this.errors.push(error) });
    this.state = this.brain.initialState();
  }

  async turn(utterance: Utterance): Promise<TurnResult<RulesState>> {
    this.turnNo += 1;
    const result = await this.brain.turn({
      state: JSON.parse(JSON.stringify(this.state)) as RulesState,
      utterance,
      tenant: this.tenant,
      caller: this.caller,
      callId: 'call-1',
      turn: this.turnNo,
      now: this.now,
      actions: this.actions,
    });
    this.state = JSON.parse(JSON.stringify(result.state)) as RulesState;
    this.last = result;
    return result;
  }

  start(): Promise<TurnResult<RulesState>> {
    return this.turn({ kind: 'start' });
  }

  say(text: string, confidence = 0.9): Promise<TurnResult<RulesState>> {
    return this.turn({ kind: 'speech', text, confidence });
  }

  silence(): Promise<TurnResult<RulesState>> {
    return this.turn({ kind: 'none' });
  }

  press(digits: string): Promise<TurnResult<RulesState>> {
    return this.turn({ kind: 'dtmf', digits });
  }
}

/** Everything the caller heard this turn, as one string. */
export function heard(result: TurnResult<unknown> | undefined): string {
  return result ? result.say.join(' ') : '';
}
