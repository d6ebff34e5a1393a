import type { TenantConfig } from '../../../shared/contract/index.js';
import { normalize, understand, type Understanding } from '../conversation/index.js';
import type { SlotWish } from '../scheduling/index.js';

/** What a patient's text reply means, as far as the text tells. */
export type ReplyReading =
  | { kind: 'confirm' }
  | { kind: 'cancel' }
  | { kind: 'reschedule'; wish: SlotWish }
  /** A pick among offered options: 1-based `choice`, or the clock time they named. */
  | { kind: 'pick'; choice: number | null; time: string | null; date: string | null }
  | { kind: 'decline' }
  /** "Put me on the waitlist", "text me if something earlier opens up". */
  | { kind: 'waitlist'; wish: SlotWish; serviceId: string | null; earlier: boolean }
  | { kind: 'other' };

/** Carrier keywords (a whole message, any case); Twilio's own list, less CANCEL and YES which patients mean literally. */
export type TextKeyword = 'stop' | 'start' | 'help';
const KEYWORDS: Record<string, TextKeyword> = {
  stop: 'stop', stopall: 'stop', unsubscribe: 'stop', end: 'stop', quit: 'stop', optout: 'stop', revoke: 'stop',
  start: 'start', unstop: 'start', subscribe: 'start',
  help: 'help', info: 'help', ayuda: 'help',
};

export function textKeyword(body: string): TextKeyword | null {
  const word = body.trim().toLowerCase().replace(/[.!\s-]+/g, '');
  return KEYWORDS[word] ?? null;
}

// Patterns run on normalize()'s text: lowercase, contractions spelled out ("can not", "will not").
const NOT_COMING =
  /\b(?:can ?not|could not|will not|would not|am not going to|am not gonna|not going to|not gonna|unable to|not able to|no way i can|do not think i can|do not think i will|will not be able to|am not able to)\b(?: (?:be able to|really|actually|possibly))? (?:make it|come|attend|be there|go|show up|get there|do it|keep (?:it|the appointment|my appointment)|make (?:the|my|our|this) (?:appointment|visit|time))\b/;
const CANCEL =
  /\b(?:cancel\w*|cancell?ation|not coming|will not be coming|not be coming|not come|count me out|call it off|drop (?:it|my appointment|the appointment)|scratch (?:that|it)|no longer (?:need|want|coming)|do not need (?:it|the appointment|my appointment|to come)(?: anymore)?|not needed anymore|remove (?:me|my appointment)|take me off|cancelar|cancela|no puedo (?:ir|asistir|llegar)|no voy a poder)\b/;
const RESCHEDULE =
  /\b(?:reschedul\w*|re schedule|move (?:it|my|the|this|our|me)|moving (?:it|my|the)|change (?:it|my|the|this)|changing (?:it|my|the)|different (?:time|day|date)|another (?:time|day|date)|other (?:time|day|date)|push (?:it|me|my appointment) (?:back|out)|pushed back|bring (?:it|me) (?:forward|earlier)|earlier (?:time|day|slot|appointment)|later (?:time|day|slot|appointment)|something (?:earlier|later)|anything (?:earlier|later)|later (?:that|in the|on that) (?:day|afternoon|evening)|works better|better for me|is there (?:anything|any time|a time|an opening|something)|do you have (?:anything|any|something|a time|an opening|time)|any (?:openings|availability)|cambiar|otro d[ií]a|otra hora)\b/;
const PROPOSAL = /\b(?:can we|could we|can i|could i|how about|what about|would|is|are|possible|maybe|perhaps|or)\b/;
const NEGATED_YES = /\b(?:not sure|not yet|can not confirm|could not confirm|do not confirm|unsure|maybe|might|not certain|no idea|hold off)\b/;
const CONFIRM =
  /^(?:y|ya|yah|ye|yes+|yess|yea|yeah|yep|yup|yus|c|ok|okay|kk|sure|confirm|confirmed|confirming|correct|absolutely|definitely|certainly|of course|perfect|great|good|cool|fine|done|si|sí|claro|confirmo|confirmado|affirmative|roger|will do|alright|all right)\b|\b(?:confirm\w*|see you (?:then|there|soon|tomorrow|on \w+|at \w+)|see ya|will be there|i will be there|we will be there|be there|i will come|i will make it|i am coming|we are coming|count me in|sounds (?:good|great|perfect|fine)|that works|works for me|works fine|works great|still (?:good|on|coming|works)|all good|all set|looking forward|on my way|got it|thank you|thanks|ty|thx|perfecto|ah[ií] estar[eé]|nos vemos)\b/;
const CONFIRM_EMOJI = /(?:👍|✅|👌|🙂|😊|✔|☑)/u;
const WAITLIST = /\b(?:wait ?list|waiting list|cancellation list|lista de espera|(?:text|tell|let) me (?:know )?if (?:something|anything|a time|an opening|a spot)(?: earlier| sooner)? (?:opens|frees|comes) up|if (?:something|anything) (?:earlier|sooner) (?:opens|frees|comes) up)\b/;
const EARLIER = /\b(?:earlier|sooner)\b/;
const CLOCK = /\d:\d\d|\b\d{1,2} ?[ap]m\b|\boclock\b/;
/** "1", "#2", "option 2", "1 please", "2 works": a bare number is an option, never a time. */
const BARE_CHOICE = /^(?:option |number |no |#)?(\d)(?: (?:please|pls|works|is good|is fine|is better|thanks|thank you|ok|okay))?$/;
const DECLINE = /^(?:no|nope|nah|no thanks|no thank you|not interested|pass|i will pass|not this time|no gracias)\b/;

export interface ReplyContext {
  tenant: TenantConfig;
  now: number;
  /** How many numbered options our last text offered (a move's two times); null when none. */
  optionCount: number | null;
}

/**
 * Reads a reply in the patient's own words. Dates and times come from the same understanding the
 * phone receptionist uses, so "Thursday afternoon" means the same in a call and in a text.
 */
export function readReply(body: string, ctx: ReplyContext): ReplyReading {
  // Accents off first ("Sí" → "si", "día" → "dia"): the normalizer keeps only plain letters.
  const plain = body.normalize('NFD').replace(/\p{M}/gu, '');
  const { text, question } = normalize(plain);
  const emojiYes = CONFIRM_EMOJI.test(body);
  if (text === '') return emojiYes ? { kind: 'confirm' } : { kind: 'other' };
  const u = understand(plain, { tenant: ctx.tenant, now: ctx.now, expect: ctx.optionCount ? 'choice' : null, optionCount: ctx.optionCount });
  const when = hasWhen(u);

  if (ctx.optionCount) {
    // "the 3:30 one" names a time, not option one.
    if (u.time && CLOCK.test(text) && !RESCHEDULE.test(text)) return { kind: 'pick', choice: null, time: u.time, date: u.date };
    const bare = BARE_CHOICE.exec(text);
    const choice = bare ? Number(bare[1]) : u.choice;
    if (choice !== null && choice >= 1 && choice <= ctx.optionCount) return { kind: 'pick', choice, time: null, date: null };
    if (bare) return { kind: 'other' };
    if (u.time && !RESCHEDULE.test(text)) return { kind: 'pick', choice: null, time: u.time, date: u.date };
  }

  if (WAITLIST.test(text)) return { kind: 'waitlist', wish: wishOf(u), serviceId: u.serviceId, earlier: EARLIER.test(text) };

  const notComing = NOT_COMING.test(text) || CANCEL.test(text) || u.intent === 'cancel';
  const wantsMove = RESCHEDULE.test(text) || u.intent === 'reschedule';
  if (wantsMove || (when && (notComing || question || PROPOSAL.test(text) || u.intent === 'unknown' || u.intent === 'correction' || u.intent === 'availability' || u.intent === 'book'))) {
    return { kind: 'reschedule', wish: wishOf(u) };
  }
  if (notComing) return { kind: 'cancel' };
  if (NEGATED_YES.test(text)) return { kind: 'other' };
  if (DECLINE.test(text) || u.intent === 'no') return { kind: 'decline' };
  if (CONFIRM.test(text) || emojiYes) return { kind: 'confirm' };
  return { kind: 'other' };
}

function hasWhen(u: Understanding): boolean {
  return !!(u.date || u.time || u.partOfDay || u.range || u.after || u.before || u.earliest);
}

export function wishOf(u: Understanding): SlotWish {
  return {
    date: u.date,
    time: u.time,
    partOfDay: u.partOfDay,
    after: u.after,
    before: u.before,
    earliest: u.earliest,
    fromDate: u.range?.from ?? null,
    toDate: u.range?.to ?? null,
    providerId: u.providerId,
  };
}
