/**
 * Every sentence a caller can hear that the LLM brain, its guardrails and its failover added,
 * keyed by id so they fold into the prompt catalog (issue 13) in one move.
 */
export const LLM_WORDS = {
  /** Said when the model is slow to start answering, so the line is never silent. */
  filler: 'One moment, please.',
  /** The router refused a booking, move or cancellation nobody read back and agreed to. */
  notConfirmed: 'Before I do that, let me read it back to make sure I have it right.',
  /** A day or time the tools could not resolve. */
  unclearWhen: "Sorry, I couldn't tell which day and time that is.",
} as const satisfies Record<string, string>;

export type LlmWordId = keyof typeof LLM_WORDS;
