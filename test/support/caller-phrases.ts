/** Realistic things callers say, shared by the CLI test and the CLI benchmark. */
export const CALLER_PHRASES = [
  'I need a cleaning tomorrow afternoon with Maria',
  'can I get a dental exam with Dr. Patel next Wednesday at 10 am',
  'what are your hours',
  'do you take delta dental insurance',
  'I have to cancel my appointment on Friday',
  'could I move my checkup to next Tuesday morning',
  'this is Ann Lee, my number is 555 555 0199',
  'is there anything on December 3rd around 2',
  'my tooth is bleeding a lot',
  'the second one',
  'yes please',
] as const;
