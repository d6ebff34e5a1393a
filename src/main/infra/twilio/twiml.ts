import twilio from 'twilio';
import { speakable } from '../../../shared/lib/plain-text.js';

const { VoiceResponse } = twilio.twiml;

type GatherAttributes = NonNullable<Parameters<InstanceType<typeof VoiceResponse>['gather']>[0]>;
type SayAttributes = NonNullable<Parameters<InstanceType<typeof VoiceResponse>['say']>[0]>;
type DialAttributes = NonNullable<Parameters<InstanceType<typeof VoiceResponse>['dial']>[0]>;
type Connect = ReturnType<InstanceType<typeof VoiceResponse>['connect']>;
type StreamAttributes = NonNullable<Parameters<Connect['stream']>[0]>;

/**
 * The one way Frontdesk builds TwiML. Twilio's builder throws on any character XML cannot carry,
 * and names, notes, greetings and FAQ answers come from storage, which may hold anything that got
 * in before it was validated; so every text and attribute value passes through `speakable` here,
 * and no call can fail because of what is stored.
 */
export class Twiml {
  private readonly response = new VoiceResponse();

  say(text: string, attributes: SayAttributes = {}): this {
    this.response.say(clean(attributes), speakable(text));
    return this;
  }

  /** A gather with `sentences` spoken inside it, so the caller can barge in on them. */
  gather(attributes: GatherAttributes, sentences: readonly string[], sayAttributes: SayAttributes = {}): this {
    const gather = this.response.gather(clean(attributes));
    for (const sentence of sentences) gather.say(clean(sayAttributes), speakable(sentence));
    return this;
  }

  redirect(url: string): this {
    this.response.redirect({ method: 'POST' }, speakable(url));
    return this;
  }

  dial(attributes: DialAttributes, number: string): this {
    this.response.dial(clean(attributes), speakable(number));
    return this;
  }

  /**
   * `<Connect><Stream>`: the call's audio goes to a media socket, with `parameters` passed to it
   * as `<Parameter>`s (Twilio drops query strings on stream URLs). What follows runs when the socket closes.
   */
  connectStream(attributes: StreamAttributes, parameters: Readonly<Record<string, string>>): this {
    const stream = this.response.connect().stream(clean(attributes));
    for (const [name, value] of Object.entries(parameters)) stream.parameter({ name: speakable(name), value: speakable(value) });
    return this;
  }

  hangup(): this {
    this.response.hangup();
    return this;
  }

  toString(): string {
    return this.response.toString();
  }
}

function clean<T extends object>(attributes: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) out[key] = typeof value === 'string' ? speakable(value) : value;
  return out as T;
}
