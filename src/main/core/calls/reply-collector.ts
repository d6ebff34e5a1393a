import type { VoiceReply } from './call-flow.js';
import type { Heard, TurnCall, TurnEnd, VoiceOutput } from './voice-output.js';

/**
 * A voice output that plays nothing itself: it collects a turn's sentences and how it ends into
 * one reply, for gather mode (rendered as TwiML) and for rehearsals (shown in the console). The
 * caller hears the whole reply, so every sentence counts as heard in full.
 */
export class ReplyCollector implements VoiceOutput {
  private readonly said: string[] = [];
  private ending: { next: TurnEnd; call: TurnCall } | null = null;
  private refusal: string | null = null;

  speak(text: string): Promise<Heard> {
    this.said.push(text);
    return Promise.resolve({ text, interrupted: false });
  }

  stopSpeaking(): void {}

  end(next: TurnEnd, call: TurnCall): void {
    this.ending = { next, call };
  }

  refuse(text: string): void {
    this.refusal = text;
  }

  reply(): VoiceReply {
    if (this.refusal !== null || !this.ending) return { kind: 'refuse', say: this.refusal ?? this.said.join(' ') };
    const { next, call } = this.ending;
    return {
      kind: 'turn',
      tenant: call.tenant,
      callId: call.callId,
      ...(call.language ? { language: call.language } : {}),
      say: [...this.said],
      // A collector speaks every language, so it never hands a turn on to gather mode; listen if asked.
      next: next.next === 'gather' ? 'listen' : next.next,
      transferTo: next.next === 'transfer' ? next.to : null,
      hints: next.next === 'listen' ? next.hints : [],
      ...(next.next === 'listen' && next.listener === 'staff' ? { listener: 'staff' as const } : {}),
    };
  }
}

/** Runs one step of a call into a collector and returns the reply it made. */
export async function collectReply(step: (output: VoiceOutput) => Promise<unknown>): Promise<VoiceReply> {
  const collector = new ReplyCollector();
  await step(collector);
  return collector.reply();
}
