import type { VoiceReply } from '../../core/calls/index.js';
import { VoiceResponse } from '../../infra/twilio/twiml.js';

export interface TwimlUrls {
  gather: string;
  /** Where Twilio reports the caller's words while staff have the call. */
  staff: string;
  dial: string;
}

/** While staff type, Twilio checks back this often; a typed line interrupts the wait at once. */
const STAFF_WAIT_SECONDS = 10;

/** How long Twilio waits for the caller to start speaking before it reports no input. */
const GATHER_TIMEOUT_SECONDS = 6;

/**
 * A call-flow reply as TwiML. Listening is a <Gather> with the sentences inside it (so a caller
 * can barge in on Twilio's speech) that posts to our gather route even on silence, so the
 * receptionist decides what to say next. A <Redirect> after it is the safety net Twilio follows
 * if the gather ever falls through.
 */
export function renderReply(reply: VoiceReply, urls: TwimlUrls): string {
  const response = new VoiceResponse();
  if (reply.kind === 'refuse') {
    response.say(reply.say);
    response.hangup();
    return response.toString();
  }
  const language = reply.tenant.locale as 'en-US';
  if (reply.next === 'listen' && reply.listener === 'staff') {
    const gather = response.gather({ input: ['speech'], action: urls.staff, method: 'POST', timeout: STAFF_WAIT_SECONDS, speechTimeout: 'auto', actionOnEmptyResult: true, language });
    for (const sentence of reply.say) gather.say({ language }, sentence);
    response.redirect({ method: 'POST' }, urls.staff);
    return response.toString();
  }
  if (reply.next === 'listen') {
    const gather = response.gather({
      input: ['speech', 'dtmf'],
      action: urls.gather,
      method: 'POST',
      timeout: GATHER_TIMEOUT_SECONDS,
      speechTimeout: 'auto',
      actionOnEmptyResult: true,
      language,
      ...(reply.hints.length > 0 ? { hints: reply.hints.slice(0, 50).join(', ') } : {}),
    });
    for (const sentence of reply.say) gather.say({ language }, sentence);
    response.redirect({ method: 'POST' }, urls.gather);
    return response.toString();
  }
  for (const sentence of reply.say) response.say({ language }, sentence);
  if (reply.next === 'transfer' && reply.transferTo) {
    response.dial({ action: urls.dial, method: 'POST', timeout: 25 }, reply.transferTo);
    return response.toString();
  }
  response.hangup();
  return response.toString();
}

/**
 * Stream mode: the call's audio goes to our media socket. Twilio drops query strings on stream
 * URLs, so the call and practice travel as <Parameter>s. When the socket closes Twilio runs what
 * follows <Connect>: a redirect asking us how the call goes on.
 */
export function renderStreamConnect(input: { streamUrl: string; statusUrl: string; continueUrl: string; callSid: string; tenantId: string }): string {
  const response = new VoiceResponse();
  const stream = response.connect().stream({ url: input.streamUrl, statusCallback: input.statusUrl, statusCallbackMethod: 'POST' });
  stream.parameter({ name: 'callSid', value: input.callSid });
  stream.parameter({ name: 'tenantId', value: input.tenantId });
  response.redirect({ method: 'POST' }, input.continueUrl);
  return response.toString();
}

/** After a media stream the session closed to put the call through or end it. */
export function renderStreamExit(exit: { next: 'transfer'; to: string } | { next: 'hangup' }, urls: TwimlUrls): string {
  const response = new VoiceResponse();
  if (exit.next === 'transfer') response.dial({ action: urls.dial, method: 'POST', timeout: 25 }, exit.to);
  else response.hangup();
  return response.toString();
}

export function emptyTwiml(): string {
  return new VoiceResponse().toString();
}
