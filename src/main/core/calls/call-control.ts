/**
 * Steering a live call from the desk (Twilio's REST API in gather mode; the media stream later).
 * The core says what should happen; the adapter knows the telephony.
 */
export interface CallControl {
  /** The caller hears the desk's typed lines; nothing else is decided for them. */
  enterStaffMode(callSid: string): Promise<void>;
  /** Speak the queued staff lines now (interrupting any wait). */
  deliverStaffLines(callSid: string): Promise<void>;
  /** The receptionist continues where it left off. */
  resumeReceptionist(callSid: string): Promise<void>;
  /** Put the caller through to `number`. */
  transfer(callSid: string, number: string, sayFirst: string): Promise<void>;
}
