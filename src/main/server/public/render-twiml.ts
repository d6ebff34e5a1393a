import type { VoiceReply } from '../../core/calls/index.js';
import { Twiml } from '../../infra/twilio/twiml.js';

export interface TwimlUrls {
  gather: string;
  /** Where Twilio reports the caller's words while staff have the call. */
  staff: string;
  dial: string;
}

/** While staff type, Twilio checks back this often; a typed line interrupts the wait at once. */
const STAFF_WAIT_SECONDS = 10;

/** Spanish callers: Mexican Spanish recognition and Amazon Polly's Mexican Spanish voice (Twilio names). */
export const SPANISH = { language: 'es-MX', voice: 'Polly.Mia' } as const;

/** How long Twilio waits for the caller to start speaking before it reports no input. */
const GATHER_TIMEOUT_SECONDS = 6;

/**
 * A call-flow reply as TwiML. Listening is a <Gather> with the sentences inside it (so a caller
 * can barge in on Twilio's speech) that posts to our gather route even on silence, so the
 * receptionist decides what to say next. A <Redirect> after it is the safety net Twilio follows
 * if the gather ever falls through. Text is made speakable by `Twiml` itself.
 */
export function renderReply(reply: VoiceReply, urls: TwimlUrls): string {
  const response = new Twiml();
  if (reply.kind === 'refuse') return response.say(reply.say).hangup().toString();
  const spanish = reply.language === 'es';
  // Twilio's recognizer and voice for Latin-American Spanish; English keeps the practice's locale.
  const language = (spanish ? SPANISH.language : reply.tenant.locale) as 'en-US';
  const say = spanish ? { language, voice: SPANISH.voice as 'Polly.Mia' } : { language };
  if (reply.next === 'listen' && reply.listener === 'staff') {
    const gather = { input: ['speech' as const], action: urls.staff, method: 'POST', timeout: STAFF_WAIT_SECONDS, speechTimeout: 'auto', actionOnEmptyResult: true, language };
    return response.gather(gather, reply.say, say).redirect(urls.staff).toString();
  }
  if (reply.next === 'listen') {
    const gather = {
      input: ['speech' as const, 'dtmf' as const],
      action: urls.gather,
      method: 'POST',
      timeout: GATHER_TIMEOUT_SECONDS,
      speechTimeout: 'auto',
      actionOnEmptyResult: true,
      language,
      ...(reply.hints.length > 0 ? { hints: reply.hints.slice(0, 50).join(', ') } : {}),
    };
    return response.gather(gather, reply.say, say).redirect(urls.gather).toString();
  }
  for (const sentence of reply.say) response.say(sentence, say);
  if (reply.next === 'transfer' && reply.transferTo) {
    return response.dial({ action: urls.dial, method: 'POST', timeout: 25 }, reply.transferTo).toString();
  }
  return response.hangup().toString();
}

/**
 * Stream mode: the call's audio goes to our media socket. Twilio drops query strings on stream
 * URLs, so the call and practice travel as <Parameter>s. When the socket closes Twilio runs what
 * follows <Connect>: a redirect asking us how the call goes on.
 */
export function renderStreamConnect(input: { streamUrl: string; statusUrl: string; continueUrl: string; callSid: string; tenantId: string }): string {
  return new Twiml()
    .connectStream({ url: input.streamUrl, statusCallback: input.statusUrl, statusCallbackMethod: 'POST' }, { callSid: input.callSid, tenantId: input.tenantId })
    .redirect(input.continueUrl)
    .toString();
}

/** After a media stream the session closed to put the call through or end it. */
export function renderStreamExit(exit: { next: 'transfer'; to: string } | { next: 'hangup' }, urls: TwimlUrls): string {
  const response = new Twiml();
  if (exit.next === 'transfer') response.dial({ action: urls.dial, method: 'POST', timeout: 25 }, exit.to);
  else response.hangup();
  return response.toString();
}

export function emptyTwiml(): string {
  return new Twiml().toString();
}
