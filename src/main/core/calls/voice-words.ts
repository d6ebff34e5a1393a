/**
 * Sentences callers hear that real-time voice added, keyed by id so they can be folded into the
 * prompt catalog (src/main/core/conversation/prompts) with the rest.
 */
export const VOICE_WORDS = {
  /** While an action or the brain takes longer than about 700 ms: the line is never silent. */
  'voice.filler.checking': 'One moment while I check that.',
  /** The speech service failed mid-call and the call goes on with Twilio's own speech. */
  'voice.fallback.reconnected': 'Sorry about that, the line cut out for a moment.',
  /** The brain said nothing usable. */
  'voice.reprompt.again': 'Sorry, could you say that again?',
  /** Staff handed the call back and there is no earlier question to repeat. */
  'voice.handback.help': 'How can I help you?',
  /** Staff transfer the call. */
  'voice.transfer.desk': 'Please hold while I connect you with the front desk.',
} as const;

export type VoiceWordId = keyof typeof VOICE_WORDS;
