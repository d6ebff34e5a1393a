import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { FakePhoneNumbers } from './fake-phone-numbers.js';
import { parseTwiml, TwimlError } from './twiml-document.js';
import { rfc2822, twilioSid } from './twilio-wire.js';

export interface RecordedRestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Form params (the last value wins when a name repeats; see allParams). */
  params: Record<string, string>;
  allParams: [string, string][];
  auth: { username: string; password: string } | null;
  headers: Record<string, string | string[] | undefined>;
}

export interface InjectedFailure {
  status: number;
  /** Twilio error code in the JSON body; defaults to 20429 for 429 and to the HTTP status otherwise. */
  code?: number;
  message?: string;
}

/** What the REST fake needs from a simulated call to apply an update to it. */
export interface RestControllableCall {
  readonly sid: string;
  readonly from: string;
  readonly to: string;
  readonly state: string;
  applyRestUpdate(update: { twiml?: string; url?: string; method?: 'GET' | 'POST'; status?: string }): void;
}

export interface CallRegistry {
  findCall(callSid: string): RestControllableCall | undefined;
}

interface StoredMessage {
  resource: Record<string, unknown>;
}

interface Hold {
  release: () => void;
  received: Promise<RecordedRestRequest>;
}

const API_VERSION = '2010-04-01';

/**
 * A real HTTP server speaking the slice of Twilio's REST API (2010-04-01) Frontdesk uses:
 *
 * - `POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json` — update a live call (Twiml, Url,
 *   Method, Status=completed|canceled); `GET` of the same path fetches it.
 * - `GET|POST /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers[/{Sid}].json` — list, fetch and
 *   update the account's numbers (see {@link FakePhoneNumbers}).
 * - `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` — send an SMS (To, From or
 *   MessagingServiceSid, Body or MediaUrl, StatusCallback); `GET …/Messages/{Sid}.json` fetches it.
 *
 * Like Twilio it requires HTTP Basic auth (AccountSid:AuthToken, else 401 with code 20003), validates
 * the parameters Twilio validates (21604 no To, 21603 no From/MessagingServiceSid, 21602 no Body/MediaUrl,
 * 21211 To not a phone number, 21617 body over 1600 characters, 21220 redirecting a finished call),
 * and answers with Twilio-shaped JSON resources or `{ code, message, more_info, status }` errors.
 *
 * Attach a SimulatedTwilio and a call update really happens on the simulated call (asynchronously, as on
 * Twilio: await `call.idle()`), and an unknown CallSid is a 404; without one, any CallSid is accepted.
 *
 * Point the real SDK at it with {@link twilioClientFor}, or in app code:
 *
 * ```ts
 * import twilio from 'twilio';
 * import type RequestClient from 'twilio/lib/base/RequestClient.js';
 * // The SDK builds every URL on https://api.twilio.com (the edge/region options only rename that host:
 * // api.sydney.au1.twilio.com) and hands the request to ClientOpts.httpClient, so a RequestClient that
 * // swaps the origin is the seam that works for every resource.
 * class BaseUrlRequestClient extends twilio.RequestClient {
 *   constructor(private readonly base: string) { super(); }
 *   override request<T>(opts: RequestClient.RequestOptions<T>) {
 *     const uri = new URL(opts.uri);
 *     return super.request<T>({ ...opts, uri: new URL(uri.pathname + uri.search, this.base).href });
 *   }
 * }
 * const client = twilio(accountSid, authToken, { httpClient: new BaseUrlRequestClient(apiBase) });
 * ```
 *
 * (Setting `client.api.baseUrl = apiBase` also works for the Calls and Messages resources, which live on
 * the `api` domain, but it relies on the SDK's hostname rewriting leaving an IP address alone.)
 */
export class FakeTwilioRest {
  readonly requests: RecordedRestRequest[] = [];
  readonly messages: Record<string, unknown>[] = [];
  private server: Server | undefined;
  private port = 0;
  private readonly failures: InjectedFailure[] = [];
  private readonly holds: { gate: Promise<void>; onReceived: (r: RecordedRestRequest) => void }[] = [];
  private readonly releases = new Set<() => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly storedMessages = new Map<string, StoredMessage>();
  /** Not part of the resource Twilio returns: kept so a test can send the status callbacks Twilio would. */
  private readonly statusCallbacks = new Map<string, string>();
  private registry: CallRegistry | undefined;
  /** The account's IncomingPhoneNumbers: add numbers with `numbers.add(...)`, read what the app set with `numbers.get(...)`. */
  readonly numbers: FakePhoneNumbers;

  constructor(private readonly options: { accountSid: string; authToken: string; now?: () => number }) {
    this.numbers = new FakePhoneNumbers({ accountSid: options.accountSid, now: () => this.now() });
  }

  get baseUrl(): string {
    if (!this.server) throw new Error('FakeTwilioRest is not started');
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        // A bug in the fake must fail loudly in the test, not hang the SDK call.
        console.error('FakeTwilioRest crashed handling', req.method, req.url, err);
        if (!res.headersSent) sendError(res, 500, 20500, 'FakeTwilioRest crashed');
        else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Closes the server and every connection, releasing held requests, so the test leaves no open handles. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const release of this.releases) release();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  }

  /** Messages sent to this number, oldest first (their `body`, `sid`, `status_callback`…). */
  messagesTo(to: string): Record<string, unknown>[] {
    return this.messages.filter((m) => m['to'] === to);
  }

  /** The StatusCallback URL a message was sent with, or null. */
  statusCallbackOf(sid: string): string | null {
    return this.statusCallbacks.get(sid) ?? null;
  }

  /** Lets call updates act on simulated calls, and makes an unknown CallSid a 404 as on Twilio. */
  attach(registry: CallRegistry): this {
    this.registry = registry;
    return this;
  }

  /** The next request (or the next `times`) fails with a Twilio-shaped error. */
  failNext(failure: InjectedFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(failure);
  }

  /** Holds the next request's response until released (or the server stops), to test slow or pending calls without sleeping. */
  holdNext(): Hold {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let onReceived!: (r: RecordedRestRequest) => void;
    const received = new Promise<RecordedRestRequest>((resolve) => (onReceived = resolve));
    this.holds.push({ gate, onReceived });
    this.releases.add(release);
    return { release, received };
  }

  /** Delays the next response by a real timer; prefer holdNext() in tests, this is for benchmarks and timeouts. */
  delayNext(ms: number): void {
    const { release } = this.holdNext();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      release();
    }, ms);
    this.timers.add(timer);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const allParams = [...new URLSearchParams(body).entries()];
    const recorded: RecordedRestRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      params: Object.fromEntries(allParams),
      allParams,
      auth: parseBasicAuth(req.headers.authorization),
      headers: { ...req.headers },
    };
    this.requests.push(recorded);
    const hold = this.holds.shift();
    if (hold) {
      hold.onReceived(recorded);
      await hold.gate;
    }
    if (!this.server) {
      res.destroy();
      return;
    }
    const failure = this.failures.shift();
    if (failure) {
      const code = failure.code ?? (failure.status === 429 ? 20429 : failure.status);
      return sendError(res, failure.status, code, failure.message ?? 'Injected failure');
    }
    if (recorded.auth?.username !== this.options.accountSid || recorded.auth.password !== this.options.authToken) {
      res.setHeader('WWW-Authenticate', 'Basic realm="Twilio API"');
      return sendError(res, 401, 20003, 'Authenticate');
    }
    this.route(recorded, res);
  }

  private route(req: RecordedRestRequest, res: ServerResponse): void {
    const numbers = /^\/2010-04-01\/Accounts\/([^/]+)\/IncomingPhoneNumbers(?:\/([^/]+))?\.json$/.exec(req.path);
    if (numbers && numbers[1] === this.options.accountSid) {
      const answer = this.numbers.handle(req.method, numbers[2], req.query, req.params);
      return 'error' in answer ? sendError(res, answer.status, answer.error.code, answer.error.message) : sendJson(res, answer.status, answer.body);
    }
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(Calls|Messages)(?:\/([^/]+))?\.json$/.exec(req.path);
    const notFound = () => sendError(res, 404, 20404, `The requested resource ${req.path} was not found`);
    if (!match || match[1] !== this.options.accountSid) return notFound();
    const [, , collection, sid] = match;
    if (collection === 'Messages' && sid === undefined && req.method === 'POST') return this.createMessage(req, res);
    if (collection === 'Messages' && sid !== undefined && req.method === 'GET') {
      const stored = this.storedMessages.get(sid);
      return stored ? sendJson(res, 200, stored.resource) : notFound();
    }
    if (collection === 'Calls' && sid !== undefined && (req.method === 'POST' || req.method === 'GET')) return this.updateCall(sid, req, res);
    return sendError(res, 405, 20004, 'Method not allowed');
  }

  private createMessage(req: RecordedRestRequest, res: ServerResponse): void {
    const p = req.params;
    const mediaUrls = req.allParams.filter(([name]) => name === 'MediaUrl').map(([, value]) => value);
    if (!p['To']) return sendError(res, 400, 21604, "A 'To' phone number is required.");
    if (!p['From'] && !p['MessagingServiceSid']) return sendError(res, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
    if (!p['Body'] && mediaUrls.length === 0) return sendError(res, 400, 21602, 'Message body is required.');
    if (!/^(\+[1-9]\d{6,14}|whatsapp:\+[1-9]\d{6,14})$/.test(p['To'])) return sendError(res, 400, 21211, `The 'To' number ${p['To']} is not a valid phone number.`);
    if ((p['Body'] ?? '').length > 1600) return sendError(res, 400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    const sid = twilioSid('SM');
    const now = rfc2822(this.now());
    const uri = `/${API_VERSION}/Accounts/${this.options.accountSid}/Messages/${sid}.json`;
    const resource: Record<string, unknown> = {
      account_sid: this.options.accountSid,
      api_version: API_VERSION,
      body: p['Body'] ?? '',
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: p['From'] ?? null,
      messaging_service_sid: p['MessagingServiceSid'] ?? null,
      num_media: String(mediaUrls.length),
      // A Messaging Service picks the sender later, so Twilio reports 0 segments and status accepted at first.
      num_segments: p['From'] ? String(Math.max(1, Math.ceil((p['Body'] ?? '').length / 153))) : '0',
      price: null,
      price_unit: 'USD',
      sid,
      status: p['From'] ? 'queued' : 'accepted',
      subresource_uris: { media: uri.replace(/\.json$/, '/Media.json'), feedback: uri.replace(/\.json$/, '/Feedback.json') },
      to: p['To'],
      uri,
    };
    this.storedMessages.set(sid, { resource });
    if (p['StatusCallback']) this.statusCallbacks.set(sid, p['StatusCallback']);
    this.messages.push(resource);
    sendJson(res, 201, resource);
  }

  private updateCall(sid: string, req: RecordedRestRequest, res: ServerResponse): void {
    const call = this.registry?.findCall(sid);
    if (this.registry && !call) return sendError(res, 404, 20404, `The requested resource ${req.path} was not found`);
    const p = req.params;
    if (req.method === 'POST') {
      const status = p['Status'];
      if (status !== undefined && status !== 'completed' && status !== 'canceled') {
        // The SDK's types already restrict Status; the code here is the fake's choice, not a documented one.
        return sendError(res, 400, 20001, `Invalid value for Status: ${status}. Must be canceled or completed.`);
      }
      const redirecting = p['Twiml'] !== undefined || p['Url'] !== undefined;
      if (redirecting && call?.state === 'ended') return sendError(res, 400, 21220, 'Call is not in-progress. Cannot redirect.');
      if (p['Twiml'] !== undefined) {
        try {
          parseTwiml(p['Twiml']);
        } catch (err) {
          if (err instanceof TwimlError) return sendError(res, 400, err.code, `Twiml: ${err.message}`);
          throw err;
        }
      }
      const method = p['Method']?.toUpperCase();
      call?.applyRestUpdate({
        ...(p['Twiml'] === undefined ? {} : { twiml: p['Twiml'] }),
        ...(p['Url'] === undefined ? {} : { url: p['Url'] }),
        ...(method === 'GET' || method === 'POST' ? { method } : {}),
        ...(status === undefined ? {} : { status }),
      });
    }
    const now = rfc2822(this.now());
    const ended = call?.state === 'ended' || (req.method === 'POST' && p['Status'] === 'completed');
    const uri = `/${API_VERSION}/Accounts/${this.options.accountSid}/Calls/${sid}.json`;
    sendJson(res, 200, {
      account_sid: this.options.accountSid,
      annotation: null,
      answered_by: null,
      api_version: API_VERSION,
      caller_name: null,
      date_created: now,
      date_updated: now,
      direction: 'inbound',
      duration: ended ? '0' : null,
      end_time: ended ? now : null,
      forwarded_from: null,
      from: call?.from ?? '',
      from_formatted: call?.from ?? '',
      group_sid: null,
      parent_call_sid: null,
      phone_number_sid: null,
      price: null,
      price_unit: 'USD',
      queue_time: '0',
      sid,
      start_time: now,
      status: ended ? 'completed' : 'in-progress',
      subresource_uris: { recordings: uri.replace(/\.json$/, '/Recordings.json'), notifications: uri.replace(/\.json$/, '/Notifications.json') },
      to: call?.to ?? '',
      to_formatted: call?.to ?? '',
      trunk_sid: null,
      uri,
    });
  }
}

/** A RequestClient that sends the SDK's requests to `baseUrl` instead of https://*.twilio.com. */
export class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const original = new URL(opts.uri);
    return super.request<TData>({ ...opts, uri: new URL(original.pathname + original.search, this.baseUrl).href });
  }
}

/** The real twilio SDK, talking to the fake. */
export function twilioClientFor(fake: FakeTwilioRest, credentials: { accountSid: string; authToken: string }): twilio.Twilio {
  return twilio(credentials.accountSid, credentials.authToken, { httpClient: new BaseUrlRequestClient(fake.baseUrl) });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBasicAuth(header: string | undefined): { username: string; password: string } | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: number, message: string): void {
  sendJson(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}
