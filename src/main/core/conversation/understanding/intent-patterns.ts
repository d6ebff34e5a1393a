import type { Intent } from './types.js';

/**
 * The phrasings of each intent over normalized text (lowercase, contractions spelled out,
 * numbers as digits, "1st" for "first"). Strong patterns (0.9) say the intent on their own;
 * weak ones (0.6) only suggest it.
 */

export type PatternIntent = Exclude<Intent, 'emergency' | 'faq' | 'correction' | 'unknown'>;
export type Rule = readonly [pattern: RegExp, confidence: number];

export const STRONG = 0.9;
export const WEAK = 0.6;

const PEOPLE =
  '(?:(?:a|an|the|your|some|someone at the|somebody at the|one of the) )?(?:someone|somebody|anyone|anybody|person|human|real person|live person|actual person|receptionist|front desk|front office|staff|staff member|manager|office manager|office|agent|representative|rep|operator|dr|dr \\w+|nurse|hygienist|her|him|them|lady|man|woman|people|owner)';
const APPOINTMENT = '(?:appointment|appt|booking|visit|cleaning|exam|checkup|filling|consultation|slot|time|date|day)';
const SUBJECT = '(?:you|you guys|you all|y all|the office|the practice|the clinic|your office|it|they)';
const BODY_PART = '(?:tooth|teeth|gum|gums|jaw|mouth|crown|filling|implant|denture|dentures|bridge|brace|braces|molar|wisdom tooth)';
const WEEKDAY = '(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|holidays?|today|tomorrow)';

export const INTENT_RULES: Record<PatternIntent, readonly Rule[]> = {
  leave_message: [
    [/\b(?:leave|take|give|pass along|pass on|pass|relay|send|get) (?:a |an |her |him |them |the dr |dr \w+ )?(?:quick |short )?(?:message|msg|voicemail|voice mail|note)\b/, STRONG],
    [/\b(?:call|ring|phone|text) me back\b|\b(?:return my call|get back to me|give me a call back|call back|callback)\b/, STRONG],
    [/\b(?:have|get|ask|can|could) (?:someone|somebody|her|him|them|dr \w+|the dr|the office|\w+) (?:to )?(?:call|ring|phone|text|contact|get back to|reach out to) me\b/, STRONG],
    [/\b(?:tell|let) (?:dr \w+|her|him|them|the dr) (?:know|that)\b/, WEAK],
  ],
  speak_to_person: [
    [new RegExp(`\\b(?:speak|talk|chat) (?:to|with) ${PEOPLE}\\b`), STRONG],
    [/\b(?:operator|representative|receptionist|front desk|real person|live person|actual person|human being|real human|live agent|customer service|someone real|a real human)\b/, STRONG],
    [/\b(?:transfer|connect|put) me (?:through|to|with)\b|\btransfer me\b|\bput me through\b|\bconnect me\b|\bget me (?:a person|someone|a human)\b/, STRONG],
    [/\b(?:robot|machine|computer|automated|a bot)\b/, WEAK],
    [/\bis (?:anyone|someone|somebody) (?:there|available|in)\b|^(?:a )?(?:person|human|agent|someone)(?: please)?$/, WEAK],
  ],
  reschedule: [
    [/\bre ?schedul\w*\b|\bre ?book(?:ing)?\b|\bpostpone\b/, STRONG],
    [new RegExp(`\\b(?:move|change|switch|push|bump|shift|swap) (?:back |up |forward |out )?(?:my|the|our|his|her|their|this|that) (?:\\w+ )?${APPOINTMENT}\\b(?! (?:is|was)\\b)`), STRONG],
    [/\b(?:different|another|new|other) (?:day|time|date) for my \w+\b/, STRONG],
    [/\b(?:move|push|bump|shift) (?:it|that) (?:back|up|forward|out|later|earlier|to)\b/, WEAK],
  ],
  cancel: [
    [/\bcancel\w*\b/, STRONG],
    [/\b(?:call off|take me off the schedule|remove my appointment|delete my appointment|no longer need (?:my|the|that) appointment|do not need (?:my|the|that) appointment)\b/, STRONG],
    [/\b(?:can not|could not|will not be able to|not be able to|unable to|not going to be able to|not going to) (?:make it|come in|come|attend|be there|keep (?:it|my appointment|the appointment)|do it)\b/, WEAK],
  ],
  check_appointment: [
    [/\b(?:when|what time|what day|what date) (?:is|was) my (?:next |upcoming )?(?:appointment|appt|cleaning|exam|visit|booking|checkup|filling)\b/, STRONG],
    [/\b(?:do|did) i (?:still )?(?:have|got) (?:an|a|my|any) (?:\w+ )?(?:appointment|appt|booking|visit)s?\b/, STRONG],
    [/\b(?:when|what time|what day) am i (?:booked|scheduled|coming in|coming|supposed to|due|seeing|in)\b/, STRONG],
    [/\b(?:confirm|check on|check|verify|look up|look at|look into|double check|find) (?:on )?my (?:\w+ )?(?:appointment|booking|appt)s?\b/, STRONG],
    [/\bam i (?:booked|scheduled|still booked|on the schedule|down for|still on)\b|\bis my appointment (?:still )?(?:on|confirmed|scheduled|booked|at)\b/, STRONG],
    [/\b(?:forgot|forget|do not remember|can not remember) (?:when|what time|what day) (?:my appointment|i am|it is)\b/, STRONG],
    [/\bi (?:have|had|got) an? (?:\w+ )?appointment\b/, WEAK],
    [/\bmy (?:next |upcoming )?appointment\b/, 0.5],
  ],
  hours: [
    [/\b(?:your|the|office|business|opening|working|open|clinic|holiday|weekend|saturday|sunday|evening|summer|winter|practice) hours\b|\bhours of operation\b|\bwhat are (?:the|your) hours\b/, STRONG],
    [new RegExp(`\\b(?:what time|when|how late|how early|until when|till when) (?:do|does|are|is) ${SUBJECT} (?:open|close|closing|opening|shut)\\w*\\b`), STRONG],
    [new RegExp(`\\b(?:are|is) ${SUBJECT} (?:still )?(?:open|closed)\\b|\\b(?:what|which) days (?:are|is) ${SUBJECT} open\\b|\\b(?:when|what time) (?:do|does) ${SUBJECT} (?:open|close)\\b`), STRONG],
    [new RegExp(`\\b(?:opening|closing) time\\b|\\bhow late\\b|\\bopen (?:on )?${WEEKDAY}\\b|\\bclosed (?:on )?${WEEKDAY}\\b`), STRONG],
    // "do y'all do Saturday appointments", "do you work weekends", "are you guys open Sundays".
    [new RegExp(`\\b(?:do|does) ${SUBJECT} (?:guys )?(?:do|take|offer|work|open|see (?:people|patients|anyone|customers|clients))(?: on| any)? ${WEEKDAY}(?: (?:appointments?|hours|visits?|too|as well))?\\b`), STRONG],
    [/\bhours\b|\bclosed\b/, WEAK],
  ],
  location: [
    [/\bwhere (?:exactly )?(?:are|is) (?:you|your|the|y all|you guys)\b|\bwhere are you\b/, STRONG],
    [/(?<!email |e mail |mail )\baddress\b|\bdirections\b|\bwhat street\b|\b(?:located|location)\b/, STRONG],
    [/\bhow (?:do|can|would|should) (?:i|we) (?:get|find|get to) (?:to )?(?:you|there|the office|your office|your place|the practice)\b|\bwhere (?:do|should|can) (?:i|we) (?:go|park|find you)\b/, STRONG],
    [/\bwhich (?:building|suite|floor)\b|\bcross street\b/, STRONG],
  ],
  book: [
    [/\b(?:book|schedule)(?:ing)?\b(?! (?:it|that|that one|this one)\b)/, STRONG],
    [/\b(?:make|set up|setup|get|need|want|like|request|schedule|due for|time for|looking for|come in for) (?:me )?(?:an?|my|another|new|the|some|1)? ?(?:new patient |follow up |dental |quick |regular |routine )?(?:appointment|appt|visit|consultation|consult)\b/, STRONG],
    [/(?<!\bwhen (?:can|could|would|should) (?:i|we) )\b(?:come in|come by|stop by|get in|get seen|be seen|fit me in|squeeze me in|pencil me in|put me down|sign me up|get me in|come see)\b/, STRONG],
    [/\b(?:see|visit) (?:the |a )?(?:dr|dentist|hygienist)\b/, STRONG],
    // "Can I get one Saturday?", "I need one tomorrow": one appointment (or one of what was just discussed).
    [/\b(?:(?:can|could|may) (?:i|we) (?:get|book|have|grab|schedule|squeeze in|fit in)|i (?:would like|need|want)|book me|get me) 1\b(?! (?:of|more|question|thing|sec|second|minute)\b)/, STRONG],
    // Something to be looked at: "can someone look at it", "get my brakes checked", "have it seen to".
    [/\b(?:look at|looks at|take a look|have a look)(?! (?:at )?(?:my|the|our|his|her) (?:\w+ )?(?:appointment|appt|booking|schedule|bill|account|records?)\b)|\b(?:check (?:it|them|that|this) out|(?:get|have|getting|having) (?:it|them|that|this|my \w+|the \w+) (?:looked at|checked|checked out|seen to|fixed|repaired|done|seen))\b/, STRONG],
    // A problem described, no request yet: "my tooth hurts", "I chipped a tooth", "toothache".
    [new RegExp(`\\b(?:toothache|tooth ache|${BODY_PART} (?:(?:really|still|kind of|so|just|keeps|started|is|has been|been) )?(?:hurts?|hurting|aches?|aching|(?:is |feels |got )?(?:(?:really|very|so|super|a bit|kinda) )?(?:sore|sensitive|killing me|loose|bleeding|swollen)|fell out|came (?:out|off|loose)|broke|cracked|chipped)|(?:chipped|cracked|broke|broken|lost|knocked) (?:a |my |the |his |her )?${BODY_PART})\\b`), WEAK],
    [/\bnew patient\b|\bappointment\b/, WEAK],
  ],
  availability: [
    [/\b(?:do|does) (?:you|dr \w+|she|he|they|the dr|anyone|you guys) (?:guys )?have (?:anything|any ?thing|any (?:openings?|availability|appointments?|slots?|spots?|times?|room|space)|something|an opening|a slot|an appointment|time|openings|availability)\b/, STRONG],
    [/\b(?:any|some) (?:openings?|availability|open slots?|slots?|spots?|open appointments?|appointments? (?:available|open|left)|free time)\b/, STRONG],
    [/\bwhat (?:times?|days?|slots?|appointments?|openings?|dates?) (?:are|is|do you have|have you got|does (?:she|he|dr \w+) have|are there)(?: (?:open|available|free|left))?\b/, STRONG],
    [/\bwhat (?:do you have|is available|have you got)\b/, STRONG],
    [/\b(?:are|is) (?:you|dr \w+|she|he|they|the dr|anyone|someone|there anything|anything|there any ?thing) (?:still )?(?:available|free)\b/, STRONG],
    [/\bwhen (?:is|are) (?:you|dr \w+|the dr|she|he|they) (?:next )?(?:available|free)\b|\bwhen (?:is|what is) (?:your|the) (?:next|1st|earliest|soonest) (?:available|opening|appointment|slot)\b/, STRONG],
    [/\bwhat is (?:your|the) (?:next|1st|earliest|soonest) (?:available|opening|appointment|slot)\b|\bhow soon can\b|\bhow (?:far out|booked up|busy) are you\b/, STRONG],
    [/\bwhen (?:can|could) (?:i|we|you) (?:come in|get in|be seen|see|get an appointment|come|fit me in|squeeze me in|get me in)\b/, STRONG],
    [/\banything (?:open|available|free)\b|\bis there (?:anything|any ?time|room|space|an opening|a spot|a slot|availability)\b/, STRONG],
    [/\b(?:got|have you got|you got|you have|have) (?:anything|any ?thing|something|an opening|a slot|any openings?)\b/, STRONG],
    [/(?<!\b(?:1st|next|earliest|soonest) )\b(?:available|availability|openings?|open slots?)\b/, WEAK],
  ],
  goodbye: [
    [/\b(?:bye|goodbye|good bye|bye bye|see you|see ya|take care|talk to you later|have a (?:good|nice|great|wonderful|lovely) (?:day|one|night|evening|weekend|afternoon|morning))\b/, STRONG],
    [/\b(?:that is all|that will be all|that would be all|that is everything|nothing else|that is it for (?:now|today)|i am all set|all set|i am done|we are done|no more questions|that covers it|that was all|that is all i needed)\b/, STRONG],
    [/\b(?:no|nope|nah)(?: thank you| thanks)? that is it\b|^that is it(?: thanks| thank you)?$/, STRONG],
    [/^(?:ok |okay |alright |great |perfect |oh )?(?:thank you|thanks|thank you so much|thanks so much|thank you very much|thanks a lot|appreciate it|cheers)(?: so much| very much)?$/, WEAK],
  ],
  no: [
    [/^(?:no|nope|nah|negative|not really|not at all|not that one|none of (?:those|them|these)|neither|i do not think so|i would rather not|not now|not today|no thanks|no thank you)\b(?! (?:problem|worries|later|earlier|sooner|before|after|until|till)\b)/, STRONG],
    [/\b(?:that|it|this|those|none of (?:those|them|these)|neither (?:one|of (?:those|them)))\s+(?:does not|do not|will not|would not|is not going to|can not) (?:work|do)\b|\b(?:does not|do not|will not|would not) work for me\b/, STRONG],
    [/\bnone of (?:those|them|these)\b|\bneither\b|\bi do not think so\b|\bi would prefer not\b|\bno way\b|\bthat is not (?:right|correct|what i said|it)\b|^(?:wrong|incorrect)\b|^not (?:with|on|at|that|this|the|in|him|her)\b/, STRONG],
  ],
  yes: [
    [
      /^(?:yes|yeah|yep|yup|yah|ya|yea|sure|correct|perfect|i will take|i would take|let us do the|let us go with the|absolutely|definitely|certainly|of course|exactly|affirmative|uh huh|mhm|mm hmm|great|excellent|awesome|wonderful|alright|all right|ok|okay|fine|right|sounds good|sounds great|sounds perfect|that works|works for me|that is (?:fine|good|great|perfect|correct|right|it)|that would (?:be )?(?:great|good|fine|perfect|work)|that will work|that should work|please do|please|go ahead|go for it|do it|book it|book that|let us do (?:it|that)|let us go with|i will take (?:it|that)|that one|this one|you got it|you bet|no problem|not a problem|no worries|works|that is right|right on)\b/,
      STRONG,
    ],
    [/\b(?:that works|works for me|sounds good|sounds great|sounds perfect|that is perfect|book it|i will take it|that is correct|that is right|yes please)\b|\b(?:one|option|that|this|it) (?:works|sounds good|sounds great|is good|is perfect|is fine|is great)\b/, STRONG],
  ],
  greeting: [[/^(?:hi|hello|hey|hiya|howdy|greetings)\b/, STRONG]],
};

/** "the question is…": a question cue for FAQ matching. */
export const QUESTION_CUE =
  /^(?:do|does|is|are|can|could|will|would|what|how|where|when|who|which|why)\b|\b(?:i was wondering|i wanted to (?:ask|know|check)|i have a question|can you tell me|quick question|do you|does it|is it|is there|are there|how much|how many)\b/;

/** Words that make a later entity a correction of an earlier answer. */
export const CORRECTION_CUE =
  /\b(?:actually|instead|i said|i meant|i mean|rather|change (?:it|that) to|switch (?:it|that) to|scratch that|correction|not \w+ but)\b|(?:^|\b(?:actually|no|but|yes|yeah|can we|could we|let us|lets|please|just|ok|okay|then|wait|sorry)\s+)make (?:it|that)\b/;
export const LEADING_NO = /^(?:no|nope|nah|not|sorry|wait|oops|oh no)\b(?! (?:later|earlier|sooner|before|after|until|till|problem|worries)\b)/;

/** "I want…", "I need…": with a service named, a booking. */
export const WANTS = /\b(?:would like|wants?|needs?|looking for|looking to|interested in|hoping|calling (?:about|for|to)|can i get|could i get|can i have|get|due for|time for|like to|would love)\b/;
/** "I'd like the first available with Dr. Lee": a booking when a provider or "earliest" is wanted. */
export const WANTS_STRONGLY = /\b(?:i would like|i want|i need|i am looking for|can i get|could i get|can i have|i would love|we would like|we need)\b/;
/** "Do you do whitening?": asking after a service is a weak wish to book it. */
export const ASKS_FOR_SERVICE = /\b(?:do you|does (?:she|he|dr \w+|anyone)|can you|could you) (?:guys )?(?:do|offer|provide|perform|have)\b/;

/** "Can't make it tomorrow… how about Friday": a cancel that is really a move. */
export const MOVE_CUE = /\b(?:instead|another|different|how about|what about|can i|could i|can we|could we|other|later|earlier|move|switch)\b/;

export const NEGATED_CANCEL = /\b(?:not|never|no need to|do not want to|do not) (?:\w+ )?cancel/;

/** Phrases that close a call and carry words that look like entities ("for today", "a good morning"). */
export const GOODBYE_ENTITY_NOISE = /\b(?:for (?:now|today)|have a (?:good|nice|great|wonderful|lovely) (?:day|one|night|evening|weekend|afternoon|morning))\b/g;
