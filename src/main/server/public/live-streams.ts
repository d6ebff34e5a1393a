import type { CallSession, TurnEnd } from '../../core/calls/index.js';

/** A call whose voice is on a media stream right now, as the desk can steer it. */
export interface LiveStream {
  session: CallSession;
  /** Say a sentence in the practice's voice, then put the call through. */
  transfer(number: string, sayFirst: string): Promise<void>;
}

/**
 * What Twilio should do once a call's media stream closes: it asks `/twilio/continue`. Gather mode
 * takes over because speech failed (the caller hears that the line cut out) or because the caller
 * turned to a language the stream's voice cannot speak (the caller hears the turn's answer).
 */
export type StreamExit = Exclude<TurnEnd, { next: 'listen' } | { next: 'gather' }> | { next: 'gather'; reason: 'speech-failed' | 'language' };

/** The calls on media streams now, and how each stream that closed should go on. */
export class LiveStreams {
  private readonly live = new Map<string, LiveStream>();
  private readonly exits = new Map<string, StreamExit>();

  add(callSid: string, stream: LiveStream): void {
    this.live.set(callSid, stream);
  }

  remove(callSid: string): void {
    this.live.delete(callSid);
  }

  get(callSid: string): LiveStream | undefined {
    return this.live.get(callSid);
  }

  get count(): number {
    return this.live.size;
  }

  setExit(callSid: string, exit: StreamExit): void {
    this.exits.set(callSid, exit);
  }

  /** How the closed stream goes on; a stream that closed on its own (no exit set) goes on in gather mode. */
  takeExit(callSid: string): StreamExit {
    const exit = this.exits.get(callSid) ?? { next: 'gather', reason: 'speech-failed' };
    this.exits.delete(callSid);
    return exit;
  }
}
