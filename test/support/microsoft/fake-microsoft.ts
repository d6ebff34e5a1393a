import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fakeIdToken, grantedScope, TENANT, USER } from './microsoft-tokens.js';
import { listenLocally, type LocalHttp } from '../local-http.js';

/** One stored event, as Exchange keeps it for Graph. Deleted events keep their seq so delta can report them. */
export interface FakeOutlookEvent {
  id: string;
  subject: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  isAllDay?: boolean;
  isCancelled?: boolean;
  showAs?: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
  responseStatus?: { response: string };
  transactionId?: string | null;
  deleted?: boolean;
  seq: number;
}

interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface DeltaState {
  calendar: string;
  from: number;
  to: number;
  /** Changes after this seq belong to the round; 0 = a full round. */
  since: number;
  /** The seq the round is reported up to (the next round starts there). */
  upTo: number;
  offset: number;
}

export const DEFAULT_CALENDAR = 'AAMkADefaultCalendar=';
const encodeState = (state: DeltaState) => Buffer.from(JSON.stringify(state)).toString('base64url');
const decodeState = (token: string): DeltaState | null => {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString()) as DeltaState;
  } catch {
    return null;
  }
};
/** Graph's UTC form: seven fractional digits, no offset. */
export const graphTime = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace(/\.\d{3}Z$/, '.0000000'), timeZone: 'UTC' });
const at = (t: { dateTime: string }) => Date.parse(`${t.dateTime.slice(0, 19)}Z`);

/**
 * Microsoft Graph's calendar endpoints and the Microsoft identity platform's authorize/token
 * endpoints, at the HTTP level, faithful to what the Outlook adapter and MSAL rely on:
 * calendarView/delta rounds (`@odata.nextLink` pages, a `@odata.deltaLink` on the last, `@removed`
 * for deletions, 410 `syncStateNotFound` once a token is gone), `Prefer: odata.maxpagesize`,
 * `transactionId` deduplication (a repeat with the same details returns the first event; with
 * other details 409 ErrorDuplicateTransactionId), PATCH/DELETE (404 when gone), Bearer checks,
 * and OAuth 2.0 with PKCE (S256), refresh tokens, id tokens and client_info for MSAL's cache.
 */
export class FakeMicrosoft {
  readonly calendars = new Map<string, { name: string; isDefault: boolean; events: Map<string, FakeOutlookEvent> }>();
  readonly requests: { method: string; path: string; query: Record<string, string>; prefer: string }[] = [];
  private readonly faults: { match: string; fault: Fault }[] = [];
  private seq = 0;
  private tokensValidFrom = 0;
  pageSize = 100;
  down = false;
  private readonly refreshTokens = new Set<string>();
  private readonly accessTokens = new Set<string>();
  private readonly codes = new Map<string, { challenge: string; redirectUri: string; scope: string }>();

  private constructor(private readonly http: LocalHttp) {
    this.reset();
  }

  static async start(): Promise<FakeMicrosoft> {
    let fake: FakeMicrosoft | null = null;
    const http = await listenLocally((req, res) => void fake!.handle(req, res));
    fake = new FakeMicrosoft(http);
    return fake;
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** Back to one empty default calendar. */
  reset(): void {
    this.calendars.clear();
    this.calendars.set(DEFAULT_CALENDAR, { name: 'Calendar', isDefault: true, events: new Map() });
    this.faults.length = 0;
    this.requests.length = 0;
    this.down = false;
    this.pageSize = 100;
  }

  addCalendar(id: string, name: string): void {
    this.calendars.set(id, { name, isDefault: false, events: new Map() });
  }

  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }

  /** Every access token handed out so far stops working (they expired). */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** Every delta token handed out so far answers 410 syncStateNotFound. */
  expireDeltaTokens(): void {
    this.tokensValidFrom = this.seq + 1;
  }

  failNext(match: string, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ match, fault });
  }

  /** Another client (Outlook on the owner's phone) adding or changing an event. */
  upsert(calendarId: string, event: Omit<FakeOutlookEvent, 'seq'>): void {
    this.calendar(calendarId).events.set(event.id, { showAs: 'busy', ...event, seq: ++this.seq });
  }

  remove(calendarId: string, id: string): void {
    const event = this.calendar(calendarId).events.get(id);
    if (event) Object.assign(event, { deleted: true, seq: ++this.seq });
  }

  live(calendarId = DEFAULT_CALENDAR): FakeOutlookEvent[] {
    return [...this.calendar(calendarId).events.values()].filter((e) => !e.deleted);
  }

  calendar(id: string) {
    const found = this.calendars.get(id);
    if (!found) throw new Error(`no fake calendar ${id}`);
    return found;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', this.baseUrl);
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query, prefer: String(req.headers.prefer ?? '') });
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => resolve(data));
    });
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string) => send(status, { error: { code, message } });

    const key = `${req.method} ${url.pathname}`;
    const faultAt = this.faults.findIndex((f) => key.startsWith(f.match));
    if (faultAt >= 0) {
      const { fault } = this.faults.splice(faultAt, 1)[0] as { fault: Fault };
      return send(fault.status, fault.body ?? { error: { code: 'injected', message: 'injected' } }, fault.headers);
    }

    if (url.pathname === '/common/oauth2/v2.0/token' && req.method === 'POST') return this.token(new URLSearchParams(raw), send);
    if (url.pathname === '/common/oauth2/v2.0/authorize') return this.authorize(url, res);
    if (url.pathname === '/common/v2.0/.well-known/openid-configuration') return send(200, this.openIdConfiguration());
    if (url.pathname === '/common/discovery/instance') {
      return send(200, { tenant_discovery_endpoint: `https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration`, 'api-version': '1.1', metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com'] }] });
    }
    if (!url.pathname.startsWith('/v1.0/')) return error(404, 'NotFound', `No such endpoint: ${url.pathname}`);

    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    if (!bearer || !this.accessTokens.has(bearer)) return error(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    const path = url.pathname.slice('/v1.0'.length);
    const prefer = String(req.headers.prefer ?? '');
    const maxPage = Number(/odata\.maxpagesize=(\d+)/.exec(prefer)?.[1] ?? Infinity);
    const pageSize = Math.min(this.pageSize, maxPage);

    if (path === '/me/calendars' && req.method === 'GET') {
      return send(200, { value: [...this.calendars].map(([id, c]) => ({ id, name: c.name, isDefaultCalendar: c.isDefault, canEdit: true })) });
    }
    const view = /^\/me(?:\/calendars\/([^/]+))?\/calendarView(\/delta)?$/.exec(path);
    if (view && req.method === 'GET') {
      const calendarId = view[1] ? decodeURIComponent(view[1]) : DEFAULT_CALENDAR;
      if (!this.calendars.has(calendarId)) return error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (view[2]) return this.delta(calendarId, path, query, pageSize, send, error);
      return this.calendarView(calendarId, query, path, pageSize, send, error);
    }
    if (path === '/me/events' && req.method === 'GET') {
      const wanted = /^transactionId eq '([^']*)'$/.exec(query.$filter ?? '')?.[1];
      if (wanted === undefined) return error(400, 'ErrorInvalidUrlQueryFilter', 'The query filter is not supported by this fake.');
      const found = [...this.calendars.values()].flatMap((c) => [...c.events.values()]).filter((e) => !e.deleted && e.transactionId === wanted);
      return send(200, { value: found.map((e) => ({ id: e.id })) });
    }
    const create = /^\/me(?:\/calendars\/([^/]+))?\/events$/.exec(path);
    if (create && req.method === 'POST') return this.create(create[1] ? decodeURIComponent(create[1]) : DEFAULT_CALENDAR, JSON.parse(raw) as Partial<FakeOutlookEvent>, send, error);
    const one = /^\/me\/events\/([^/]+)$/.exec(path);
    if (one) {
      const id = decodeURIComponent(one[1] as string);
      const entry = [...this.calendars].map(([cid, c]) => [cid, c.events.get(id)] as const).find(([, e]) => e && !e.deleted);
      if (!entry) return error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      const [calendarId, event] = entry as [string, FakeOutlookEvent];
      if (req.method === 'PATCH') {
        const patch = JSON.parse(raw) as Partial<FakeOutlookEvent>;
        if ('transactionId' in patch) return error(400, 'ErrorInvalidPropertyUpdateSentToServer', 'transactionId cannot be changed.');
        Object.assign(event, patch, { seq: ++this.seq });
        return send(200, this.resource(event));
      }
      if (req.method === 'DELETE') {
        this.remove(calendarId, id);
        res.writeHead(204).end();
        return;
      }
    }
    return error(405, 'ErrorInvalidRequest', 'Method not allowed by this fake.');
  }

  private create(calendarId: string, body: Partial<FakeOutlookEvent>, send: (s: number, b?: unknown) => void, error: (s: number, c: string, m: string) => void): void {
    if (!this.calendars.has(calendarId)) return error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (!body.start?.dateTime || !body.end?.dateTime) return error(400, 'ErrorInvalidRequest', 'start and end are required.');
    const same = (e: FakeOutlookEvent) => e.subject === body.subject && e.start.dateTime === body.start?.dateTime && e.end.dateTime === body.end?.dateTime;
    if (body.transactionId) {
      const earlier = [...this.calendars.values()].flatMap((c) => [...c.events.values()]).find((e) => !e.deleted && e.transactionId === body.transactionId);
      if (earlier && same(earlier)) return send(201, this.resource(earlier));
      if (earlier) return error(409, 'ErrorDuplicateTransactionId', "Your request can't be completed. The TransactionId specified in the request has already been used to create a different event.");
    }
    const id = `AAMkAG${randomBytes(18).toString('base64').replace(/\//g, '-')}=`;
    const event: FakeOutlookEvent = { showAs: 'busy', ...(body as FakeOutlookEvent), subject: body.subject ?? '', id, seq: ++this.seq };
    this.calendar(calendarId).events.set(id, event);
    send(201, this.resource(event));
  }

  private delta(calendarId: string, path: string, query: Record<string, string>, pageSize: number, send: (s: number, b?: unknown) => void, error: (s: number, c: string, m: string) => void): void {
    let state: DeltaState | null;
    if (query.$deltatoken || query.$skiptoken) {
      state = decodeState(query.$deltatoken ?? query.$skiptoken ?? '');
      if (!state || state.calendar !== calendarId) return error(400, 'ErrorInvalidUrlQuery', 'The delta token is malformed.');
      if (query.$deltatoken && state.upTo < this.tokensValidFrom) return error(410, 'syncStateNotFound', 'The sync state generation is not found. Resync required.');
      if (query.$deltatoken) state = { ...state, since: state.upTo, upTo: this.seq, offset: 0 };
    } else {
      const from = Date.parse(query.startDateTime ?? '');
      const to = Date.parse(query.endDateTime ?? '');
      if (Number.isNaN(from) || Number.isNaN(to)) return error(400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required.');
      if (query.$select) return error(400, 'ErrorInvalidUrlQuery', '$select is not supported on delta.');
      state = { calendar: calendarId, from, to, since: 0, upTo: this.seq, offset: 0 };
    }
    const { from, to, since, upTo } = state;
    const inWindow = (e: FakeOutlookEvent) => at(e.start) < to && at(e.end) > from;
    const changed = [...this.calendar(calendarId).events.values()].filter((e) => e.seq > since && e.seq <= upTo).sort((a, b) => a.seq - b.seq);
    const rows = since === 0
      ? changed.filter((e) => !e.deleted && inWindow(e)).map((e) => this.resource(e))
      : changed.map((e) => (e.deleted || !inWindow(e) ? { id: e.id, '@removed': { reason: e.deleted ? 'deleted' : 'changed' } } : this.resource(e)));
    const page = rows.slice(state.offset, state.offset + pageSize);
    const last = state.offset + pageSize >= rows.length;
    const link = `${this.baseUrl}/v1.0${path}?`;
    send(200, {
      '@odata.context': `${this.baseUrl}/v1.0/$metadata#Collection(event)`,
      value: page,
      ...(last ? { '@odata.deltaLink': `${link}$deltatoken=${encodeState(state)}` } : { '@odata.nextLink': `${link}$skiptoken=${encodeState({ ...state, offset: state.offset + pageSize })}` }),
    });
  }

  private calendarView(calendarId: string, query: Record<string, string>, path: string, pageSize: number, send: (s: number, b?: unknown) => void, error: (s: number, c: string, m: string) => void): void {
    const from = Date.parse(query.startDateTime ?? '');
    const to = Date.parse(query.endDateTime ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) return error(400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required.');
    const rows = [...this.calendar(calendarId).events.values()].filter((e) => !e.deleted && at(e.start) < to && at(e.end) > from).sort((a, b) => a.seq - b.seq);
    const skip = Number(query.$skip ?? 0);
    const size = Math.min(Number(query.$top ?? 10), pageSize);
    const next = new URLSearchParams({ ...query, $skip: String(skip + size) });
    send(200, { value: rows.slice(skip, skip + size).map((e) => this.resource(e)), ...(skip + size < rows.length ? { '@odata.nextLink': `${this.baseUrl}/v1.0${path}?${next}` } : {}) });
  }

  private resource(e: FakeOutlookEvent) {
    const { seq: _seq, deleted: _deleted, ...rest } = e;
    return { '@odata.etag': `W/"${e.seq}"`, isAllDay: false, isCancelled: false, responseStatus: { response: 'organizer' }, ...rest };
  }

  private openIdConfiguration() {
    const root = 'https://login.microsoftonline.com/common';
    return {
      token_endpoint: `${root}/oauth2/v2.0/token`,
      authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${root}/oauth2/v2.0/logout`,
      issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
      jwks_uri: `${root}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    };
  }

  private token(form: URLSearchParams, send: (s: number, b?: unknown) => void): void {
    const refused = (description: string) => send(400, { error: 'invalid_grant', error_description: description, error_codes: [70008], suberror: 'bad_token' });
    const clientId = form.get('client_id') ?? '';
    if (!clientId) return send(400, { error: 'invalid_request', error_description: 'AADSTS900144: client_id is missing.' });
    let scope: string;
    if (form.get('grant_type') === 'refresh_token') {
      if (!this.refreshTokens.has(form.get('refresh_token') ?? '')) return refused('AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.');
      scope = form.get('scope') ?? '';
    } else if (form.get('grant_type') === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
      if (!code || code.challenge !== challenge || code.redirectUri !== form.get('redirect_uri')) return refused('AADSTS501481: The code verifier does not match the code challenge, or the code or redirect URI is wrong.');
      this.codes.delete(form.get('code') ?? '');
      scope = code.scope;
    } else {
      return send(400, { error: 'unsupported_grant_type', error_description: 'AADSTS70003: unsupported grant type.' });
    }
    const refreshToken = `M.C5_refresh.${randomUUID()}`;
    this.refreshTokens.add(refreshToken);
    const accessToken = `EwB.${randomUUID()}`;
    this.accessTokens.add(accessToken);
    send(200, {
      token_type: 'Bearer',
      scope: grantedScope(scope),
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: fakeIdToken(clientId),
      client_info: Buffer.from(JSON.stringify({ uid: USER.oid, utid: TENANT })).toString('base64url'),
    });
  }

  /** The sign-in and consent pages, already agreed to: redirects to the app's loopback with a code. */
  private authorize(url: URL, res: ServerResponse): void {
    const p = url.searchParams;
    const redirect = p.get('redirect_uri') ?? '';
    const ok = p.get('response_type') === 'code' && p.get('code_challenge_method') === 'S256' && Boolean(p.get('code_challenge')) && Boolean(p.get('client_id')) && /^http:\/\/(127\.0\.0\.1|localhost):\d+\/?$/.test(redirect) && /offline_access/.test(p.get('scope') ?? '');
    if (!ok) {
      res.writeHead(400).end('AADSTS900144: bad authorization request');
      return;
    }
    const code = `M.C5_code.${randomUUID()}`;
    this.codes.set(code, { challenge: p.get('code_challenge') ?? '', redirectUri: redirect, scope: p.get('scope') ?? '' });
    const target = new URL(redirect);
    target.searchParams.set('code', code);
    if (p.get('state')) target.searchParams.set('state', p.get('state') as string);
    res.writeHead(302, { location: target.href }).end();
  }
}
