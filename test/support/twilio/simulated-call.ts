import { APPLICATION_ERROR_APOLOGY, TwilioApplicationError, type ApplicationErrorInfo, type CallContext, type CallState, type DialCallStatus, type WebhookExchange, type WebhookKind } from './call-model.js';
import { buildWireRequest, rfc2822, sendWireRequest, standardCallParams, toPhysicalUrl, twilioSid, type WireRequest } from './twilio-wire.js';
import { parseTwiml, TwimlError, type ConnectStreamVerb, type DialVerb, type GatherVerb, type HttpMethod, type TwimlVerb } from './twiml-document.js';
import { MediaStreamLeg } from './media-stream-leg.js';

/** Enough hops to run any sane flow, few enough that a redirect loop fails the test instead of hanging it. */
const MAX_DOCUMENTS_PER_STEP = 25;

/**
 * One inbound call as Twilio runs it: it fetches TwiML, plays it verb by verb and stops where the
 * caller has to act (a `<Gather>`, a `<Dial>`), or where the call ends. Caller actions and REST
 * updates are queued so they apply one at a time, in order, like events on a real call leg.
 */
export class SimulatedCall {
  readonly sid: string;
  state: CallState = 'in-progress';
  /** Every `<Say>` of the whole call, in order. */
  readonly transcript: string[] = [];
  /** Every verb Twilio acted on, in order: what a caller would have experienced. */
  readonly played: (
    | { verb: 'Say'; text: string }
    | { verb: 'Play'; url: string }
    | { verb: 'Pause'; length: number }
    | { verb: 'Dial'; targets: string[] }
    | { verb: 'Hangup' }
  )[] = [];
  readonly requests: WebhookExchange[] = [];
  /** The pending `<Gather>` while state is `listening`. */
  gather: GatherVerb | null = null;
  /** The media stream while state is `streaming` (and the last one after it closed). */
  stream: MediaStreamLeg | null = null;
  /** Every media stream the call opened. */
  readonly streams: MediaStreamLeg[] = [];
  /** The `<Dial>` in progress while state is `dialing`. */
  dial: DialVerb | null = null;
  /** The numbers (or client/SIP/conference names) of the latest `<Dial>`. */
  dialed: string[] = [];
  lastTwiml = '';
  lastLatencyMs: number | undefined;
  readonly latenciesMs: number[] = [];
  applicationError: ApplicationErrorInfo | undefined;

  private heardUpTo = 0;
  private verbs: TwimlVerb[] = [];
  private pc = 0;
  private documentUrl: URL;
  private nextSequenceNumber = 0;
  private readonly startedAt: number;
  private endedAt: number | undefined;
  private lastWire: WireRequest | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private backgroundErrors: unknown[] = [];

  constructor(
    private readonly ctx: CallContext,
    readonly from: string,
    readonly to: string,
    voiceUrl: URL,
    sid?: string,
  ) {
    this.sid = sid ?? twilioSid('CA');
    this.documentUrl = voiceUrl;
    this.startedAt = ctx.now();
  }

  /** The `<Say>` text heard since the last call to heard(). */
  heard(): string[] {
    const fresh = this.transcript.slice(this.heardUpTo);
    this.heardUpTo = this.transcript.length;
    return fresh;
  }

  get statusCallbacks(): WebhookExchange[] {
    return this.requests.filter((r) => r.kind === 'status');
  }

  /** Twilio's first request for the call: the number's voice URL, with CallStatus=ringing. */
  start(method: HttpMethod): Promise<void> {
    return this.enqueue(async () => {
      await this.fetchDocument('voice', this.documentUrl, method, {}, 'ringing');
      await this.play(0);
    });
  }

  /** The caller speaks while a speech `<Gather>` listens: Twilio posts SpeechResult + Confidence to its action. */
  say(text: string, options: { confidence?: number } = {}): Promise<void> {
    return this.enqueue(async () => {
      const gather = this.requireGather('speech', `say ${JSON.stringify(text)}`);
      await this.submitGather(gather, { SpeechResult: text, Confidence: String(options.confidence ?? 0.9) });
    });
  }

  /** The caller presses keys: digits up to finishOnKey (excluded) and at most numDigits are submitted. */
  press(keys: string): Promise<void> {
    return this.enqueue(async () => {
      if (!/^[0-9*#]+$/.test(keys)) throw new Error(`press(${JSON.stringify(keys)}): a keypad only has 0-9, * and #`);
      const gather = this.requireGather('dtmf', `press ${JSON.stringify(keys)}`);
      let digits = keys;
      const stop = gather.finishOnKey ? digits.indexOf(gather.finishOnKey) : -1;
      if (stop >= 0) digits = digits.slice(0, stop);
      if (gather.numDigits !== undefined) digits = digits.slice(0, gather.numDigits);
      if (digits === '') return this.noInput(gather);
      await this.submitGather(gather, { Digits: digits });
    });
  }

  /**
   * The caller says nothing until the Gather times out. Twilio then falls through to the verb after
   * `<Gather>` (its documented default) or, with actionOnEmptyResult="true", requests the action anyway.
   */
  silence(): Promise<void> {
    return this.enqueue(async () => this.noInput(this.requireGather(null, 'stay silent')));
  }

  /**
   * The dialed party's leg ends. With a Dial `action` Twilio requests it (DialCallStatus, DialCallSid,
   * DialCallDuration) and plays the answer; without one it carries on with the verbs after `<Dial>`.
   */
  dialEnded(status: DialCallStatus, options: { durationSeconds?: number } = {}): Promise<void> {
    return this.enqueue(async () => {
      const dial = this.dial;
      if (this.state !== 'dialing' || !dial) throw new Error(`dialEnded(${status}): the call is ${this.state}, not dialing`);
      this.dial = null;
      this.state = 'in-progress';
      if (dial.action === undefined) return this.play(this.pc);
      const params: Record<string, string> = { DialCallStatus: status, DialCallSid: twilioSid('CA') };
      if (status === 'completed' || status === 'answered') params['DialCallDuration'] = String(options.durationSeconds ?? 0);
      await this.fetchDocument('dial-action', new URL(dial.action, this.documentUrl), dial.method, params);
      await this.play(0);
    });
  }

  /** The caller hangs up: no more webhooks for the call, only the completed status callback. */
  hangup(): Promise<void> {
    if (this.state === 'streaming' && this.stream) {
      const leg = this.stream;
      this.state = 'ended';
      return leg.hangUp().then(() => this.enqueue(async () => this.end(true)));
    }
    return this.enqueue(async () => {
      if (this.state === 'ended') throw new Error('hangup(): the call has already ended');
      await this.end();
    });
  }

  /**
   * Re-sends the last request exactly as it went (same body, signature and I-Twilio-Idempotency-Token),
   * as Twilio does when a delivery timed out or the connection dropped. The TwiML answer is returned for
   * comparison and not played: Twilio plays only one answer per delivery.
   */
  retryLast(): Promise<string> {
    return this.enqueue(async () => {
      const wire = this.lastWire;
      if (!wire) throw new Error('retryLast(): nothing has been sent yet');
      const exchange = await this.transmit('retry', wire);
      return exchange.body;
    });
  }

  /** A status callback with any CallStatus and sequence number, e.g. to deliver them out of order. It does not change the call's state. */
  sendStatus(callStatus: string, options: { sequenceNumber?: number; callDurationSeconds?: number } = {}): Promise<WebhookExchange> {
    return this.enqueue(() => this.postStatus(callStatus, options));
  }

  /** Resolves once queued work (including REST updates applied in the background) is done; rethrows its failure. */
  async idle(): Promise<void> {
    await this.enqueue(async () => undefined);
    const [first] = this.backgroundErrors.splice(0);
    if (first !== undefined) throw first;
  }

  /** Applies a REST `Calls/{sid}` update the way Twilio does: asynchronously, replacing whatever the call was doing. */
  applyRestUpdate(update: { twiml?: string; url?: string; method?: HttpMethod; status?: string }): void {
    const op = this.enqueue(async () => {
      if (this.state === 'ended') return;
      if (update.status === 'completed') return this.end();
      if (update.twiml === undefined && update.url === undefined) return;
      this.gather = null;
      this.dial = null;
      this.state = 'in-progress';
      if (update.twiml !== undefined) {
        // The REST fake has already refused malformed Twiml with a 400, as Twilio's API does.
        this.loadDocument(update.twiml, this.documentUrl);
      } else if (update.url !== undefined) {
        await this.fetchDocument('rest-url', new URL(update.url), update.method ?? 'POST', {});
      }
      await this.play(0);
    });
    op.catch((err: unknown) => this.backgroundErrors.push(err));
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const run = this.tail.then(op);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private requireGather(input: 'speech' | 'dtmf' | null, action: string): GatherVerb {
    const gather = this.gather;
    if (this.state !== 'listening' || !gather) throw new Error(`Cannot ${action}: the call is ${this.state}, no <Gather> is listening`);
    if (input && !gather.input.has(input)) {
      throw new Error(`Cannot ${action}: the <Gather> listens for input="${[...gather.input].join(' ')}", so Twilio would ignore ${input}`);
    }
    return gather;
  }

  private async noInput(gather: GatherVerb): Promise<void> {
    if (!gather.actionOnEmptyResult) {
      this.gather = null;
      this.state = 'in-progress';
      return this.play(this.pc);
    }
    await this.submitGather(gather, gather.input.has('speech') ? { SpeechResult: '' } : { Digits: '' });
  }

  private async submitGather(gather: GatherVerb, result: Record<string, string>): Promise<void> {
    this.gather = null;
    this.state = 'in-progress';
    const action = new URL(gather.action ?? this.documentUrl.href, this.documentUrl);
    await this.fetchDocument('gather', action, gather.method, result);
    await this.play(0);
  }

  /** Runs the current document from verb `from` until the caller must act or the call ends. */
  private async play(from: number): Promise<void> {
    this.pc = from;
    let documents = 0;
    while (this.state !== 'ended') {
      const verb = this.verbs[this.pc++];
      if (!verb) return this.end(); // Twilio hangs up when a document runs out of verbs
      switch (verb.verb) {
        case 'Say':
          this.transcript.push(verb.text);
          this.played.push({ verb: 'Say', text: verb.text });
          break;
        case 'Play':
          this.played.push({ verb: 'Play', url: verb.url });
          break;
        case 'Pause':
          this.played.push({ verb: 'Pause', length: verb.length });
          break;
        case 'Gather':
          for (const child of verb.children) {
            if (child.verb === 'Say') this.transcript.push(child.text);
            this.played.push(child.verb === 'Say' ? { verb: 'Say', text: child.text } : child.verb === 'Play' ? { verb: 'Play', url: child.url } : { verb: 'Pause', length: child.length });
          }
          this.gather = verb;
          this.state = 'listening';
          return;
        case 'Dial':
          this.dialed = verb.targets.map((t) => t.value);
          this.played.push({ verb: 'Dial', targets: this.dialed });
          this.dial = verb;
          this.state = 'dialing';
          return;
        case 'Hangup':
          this.played.push({ verb: 'Hangup' });
          return this.end();
        case 'Connect':
          return this.connectStream(verb);
        case 'Redirect':
          if (++documents > MAX_DOCUMENTS_PER_STEP) throw new Error(`More than ${MAX_DOCUMENTS_PER_STEP} <Redirect>s in one step: a redirect loop`);
          await this.fetchDocument('redirect', new URL(verb.url, this.documentUrl), verb.method, {});
          this.pc = 0;
          break;
      }
    }
  }

  /**
   * `<Connect><Stream>`: the call's audio goes to the app's WebSocket until one side closes it;
   * then Twilio runs the verbs after `<Connect>`. Stream status callbacks go to its statusCallback.
   */
  private async connectStream(verb: ConnectStreamVerb): Promise<void> {
    const signedUrl = new URL(verb.url);
    const physical = toPhysicalUrl(new URL(signedUrl.href.replace(/^ws/, 'http')), this.ctx.publicBase, this.ctx.webhookBase);
    const leg = await MediaStreamLeg.open({
      physicalUrl: physical.href.replace(/^http/, 'ws'),
      signedUrl: signedUrl.href,
      authToken: this.ctx.signing.authToken,
      signWith: this.ctx.signing.signWith,
      accountSid: this.ctx.accountSid,
      callSid: this.sid,
      parameters: verb.parameters,
    });
    this.stream = leg;
    this.streams.push(leg);
    this.state = 'streaming';
    const statusUrl = verb.statusCallback ? new URL(verb.statusCallback, this.documentUrl) : null;
    const streamStatus = (event: string) =>
      statusUrl ? this.send('status', statusUrl, verb.statusCallbackMethod, { AccountSid: this.ctx.accountSid, CallSid: this.sid, StreamSid: leg.streamSid, StreamName: leg.streamSid, StreamEvent: event, Timestamp: new Date(this.ctx.now()).toISOString() }) : Promise.resolve();
    await streamStatus('stream-started');
    void leg.closed.then(() => {
      const op = this.enqueue(async () => {
        await streamStatus('stream-stopped');
        if (this.state !== 'streaming') return;
        this.state = 'in-progress';
        if (verb.action) {
          await this.fetchDocument('redirect', new URL(verb.action, this.documentUrl), 'POST', {});
          return this.play(0);
        }
        await this.play(this.pc);
      });
      op.catch((err: unknown) => this.backgroundErrors.push(err));
    });
  }

  private standardParams(callStatus: string): Record<string, string> {
    return standardCallParams({ accountSid: this.ctx.accountSid, callSid: this.sid, from: this.from, to: this.to, callStatus, extra: this.ctx.extraParams });
  }

  private async transmit(kind: WebhookKind, wire: WireRequest): Promise<WebhookExchange> {
    const res = await sendWireRequest(wire, this.ctx.timeoutMs);
    const exchange: WebhookExchange = {
      kind,
      method: wire.method,
      signedUrl: wire.signedUrl,
      physicalUrl: wire.physicalUrl,
      params: wire.params,
      headers: wire.headers,
      idempotencyToken: wire.headers['I-Twilio-Idempotency-Token'] ?? '',
      status: res.status,
      contentType: res.contentType,
      body: res.body,
      latencyMs: res.latencyMs,
      ...(res.transportError === undefined ? {} : { transportError: res.transportError }),
    };
    this.requests.push(exchange);
    if (kind !== 'status') {
      this.lastLatencyMs = res.latencyMs;
      this.latenciesMs.push(res.latencyMs);
    }
    return exchange;
  }

  private async send(kind: WebhookKind, url: URL, method: HttpMethod, params: Record<string, string>): Promise<WebhookExchange> {
    const physical = toPhysicalUrl(url, this.ctx.publicBase, this.ctx.webhookBase);
    const wire = buildWireRequest({ method, publicUrl: url, physicalUrl: physical, params, signing: this.ctx.signing });
    this.lastWire = wire;
    return this.transmit(kind, wire);
  }

  /** Requests TwiML and makes it the current document, or fails the call the way Twilio would. */
  private async fetchDocument(kind: WebhookKind, url: URL, method: HttpMethod, extra: Record<string, string>, callStatus = 'in-progress'): Promise<void> {
    const exchange = await this.send(kind, url, method, { ...this.standardParams(callStatus), ...extra });
    const fail = (code: number, message: string) => this.fail({ code, message, url: exchange.signedUrl, httpStatus: exchange.status, body: exchange.body });
    if (exchange.status === 0) return fail(11205, `HTTP connection failure: ${exchange.transportError ?? 'no response'}`);
    if (exchange.status !== 200) return fail(11200, `HTTP retrieval failure: the app answered ${exchange.status}`);
    const mediaType = exchange.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (mediaType !== 'text/xml' && mediaType !== 'application/xml') {
      return fail(12300, `Invalid Content-Type "${exchange.contentType}" (TwiML must be text/xml or application/xml)`);
    }
    try {
      this.loadDocument(exchange.body, url);
    } catch (err) {
      if (err instanceof TwimlError) return fail(err.code, err.message);
      throw err;
    }
  }

  private loadDocument(xml: string, url: URL): void {
    this.verbs = parseTwiml(xml);
    this.lastTwiml = xml;
    // Relative URLs in this document resolve against the URL it came from (for a GET, without the call params).
    this.documentUrl = url;
    this.pc = 0;
  }

  private async fail(info: ApplicationErrorInfo): Promise<never> {
    this.applicationError = info;
    this.transcript.push(APPLICATION_ERROR_APOLOGY);
    await this.end();
    throw new TwilioApplicationError(info, this);
  }

  private async end(force = false): Promise<void> {
    if (this.state === 'ended' && !force) return;
    if (this.endedAt !== undefined) return;
    this.state = 'ended';
    this.gather = null;
    this.dial = null;
    this.endedAt = this.ctx.now();
    if (this.ctx.statusCallbackUrl) await this.postStatus('completed', {});
  }

  private async postStatus(callStatus: string, options: { sequenceNumber?: number; callDurationSeconds?: number }): Promise<WebhookExchange> {
    const url = this.ctx.statusCallbackUrl;
    if (!url) throw new Error('No status callback URL is configured for this number (statusCallbackPath: null)');
    const sequenceNumber = options.sequenceNumber ?? this.nextSequenceNumber;
    this.nextSequenceNumber = Math.max(this.nextSequenceNumber, sequenceNumber + 1);
    const at = this.ctx.now();
    const params: Record<string, string> = {
      ...this.standardParams(callStatus),
      CallbackSource: 'call-progress-events',
      SequenceNumber: String(sequenceNumber),
      Timestamp: rfc2822(at),
    };
    const duration = options.callDurationSeconds ?? (callStatus === 'completed' ? Math.round(((this.endedAt ?? at) - this.startedAt) / 1000) : undefined);
    if (duration !== undefined) params['CallDuration'] = String(duration);
    // Twilio ignores what a status callback answers; a failure only shows in its debugger (and here in requests).
    return this.send('status', url, 'POST', params);
  }
}
