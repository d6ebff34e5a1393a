import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocally, type LocalHttp } from '../local-http.js';

/** One stored event, as Google keeps it: cancelled events stay (with their id reserved). */
export interface FakeGoogleEvent {
  id: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  start: { dateTime?: string; date?: string; timeZone?: string };
  end: { dateTime?: string; date?: string; timeZone?: string };
  transparency?: 'opaque' | 'transparent';
  attendees?: { email: string; self?: boolean; responseStatus?: string }[];
  etag: string;
  seq: number;
}

interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const BASE32HEX = /^[a-v0-9]{5,1024}$/;

/**
 * Google Calendar v3 and Google's OAuth token endpoint, at the HTTP level, faithful to what the
 * sync code relies on: events.list with timeMin/timeMax or syncToken (nextSyncToken on the last
 * page only, 410 when a token has expired, deletions as "cancelled"), pagination, client-chosen
 * base32hex ids (409 "already exists", also for a deleted event's id), 410 on deleting twice,
 * Bearer checks, refresh-token grants and the authorization-code grant with PKCE (S256).
 */
export class FakeGoogle {
  readonly calendars = new Map<string, Map<string, FakeGoogleEvent>>();
  readonly requests: { method: string; path: string; query: Record<string, string> }[] = [];
  /** Faults served before normal answers, per "METHOD /calendar path prefix". */
  private readonly faults: { match: string; fault: Fault }[] = [];
  private seq = 0;
  /** Sync tokens minted before this sequence number answer 410. */
  private tokensValidFrom = 0;
  pageSize = 250;
  down = false;
  /** The signed-in account: its primary calendar's id, which "primary" stands for, as in Google. */
  readonly account = 'maria@example.com';
  /** The account's calendar list besides the primary one (a second calendar it owns, a subscribed one). */
  readonly otherCalendars: { id: string; summary: string; accessRole: 'owner' | 'writer' | 'reader' | 'freeBusyReader' }[] = [];
  private readonly refreshTokens = new Set<string>();
  private readonly accessTokens = new Set<string>();
  private readonly codes = new Map<string, { challenge: string; redirectUri: string }>();

  private constructor(private readonly http: LocalHttp) {}

  static async start(): Promise<FakeGoogle> {
    let fake: FakeGoogle | null = null;
    const http = await listenLocally((req, res) => void fake!.handle(req, res));
    fake = new FakeGoogle(http);
    return fake;
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** A refresh token the fake accepts, as a finished sign-in would have produced. */
  issueRefreshToken(): string {
    const token = `1//refresh-${randomUUID()}`;
    this.refreshTokens.add(token);
    return token;
  }

  revokeRefreshToken(token: string): void {
    this.refreshTokens.delete(token);
  }

  /** Makes every sync token issued so far answer 410 GONE. */
  expireSyncTokens(): void {
    this.tokensValidFrom = this.seq + 1;
  }

  failNext(match: string, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ match, fault });
  }

  /** Another client adding or changing an event (the owner on their phone). */
  upsert(calendarId: string, event: Omit<FakeGoogleEvent, 'etag' | 'seq' | 'status'> & { status?: FakeGoogleEvent['status'] }): void {
    const events = this.calendar(calendarId);
    this.seq++;
    events.set(event.id, { status: 'confirmed', ...event, etag: `"${this.seq}"`, seq: this.seq });
  }

  cancel(calendarId: string, id: string): void {
    const event = this.calendar(calendarId).get(id);
    if (!event) return;
    this.seq++;
    Object.assign(event, { status: 'cancelled', etag: `"${this.seq}"`, seq: this.seq });
  }

  live(calendarId: string): FakeGoogleEvent[] {
    return [...this.calendar(calendarId).values()].filter((e) => e.status !== 'cancelled');
  }

  calendar(name: string): Map<string, FakeGoogleEvent> {
    const id = name === 'primary' ? this.account : name;
    let events = this.calendars.get(id);
    if (!events) this.calendars.set(id, (events = new Map()));
    return events;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', this.baseUrl);
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query });
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => resolve(data));
    });
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const error = (status: number, message: string, reason = 'error') => send(status, { error: { code: status, message, errors: [{ reason, message }] } });

    if (url.pathname === '/token' && req.method === 'POST') return this.token(new URLSearchParams(raw), send);
    if (url.pathname === '/auth') return this.authorize(url, res);

    const key = `${req.method} ${url.pathname}`;
    const faultAt = this.faults.findIndex((f) => key.startsWith(f.match));
    if (faultAt >= 0) {
      const { fault } = this.faults.splice(faultAt, 1)[0] as { fault: Fault };
      return send(fault.status, fault.body ?? { error: { code: fault.status, message: 'injected' } }, fault.headers);
    }

    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    if (!bearer || !this.accessTokens.has(bearer)) return error(401, 'Request had invalid authentication credentials.', 'authError');

    if (req.method === 'GET' && url.pathname === '/calendar/v3/users/me/calendarList') {
      const roles = ['freeBusyReader', 'reader', 'writer', 'owner'];
      const atLeast = roles.indexOf(query.minAccessRole ?? 'freeBusyReader');
      const items = [{ id: this.account, summary: this.account, accessRole: 'owner', primary: true }, ...this.otherCalendars].filter((c) => roles.indexOf(c.accessRole) >= atLeast);
      return send(200, { kind: 'calendar#calendarList', items });
    }
    const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return error(404, 'Not Found', 'notFound');
    const events = this.calendar(decodeURIComponent(match[1] as string));
    const id = match[2] ? decodeURIComponent(match[2]) : null;

    if (req.method === 'GET' && !id) return this.list(events, query, send, error);
    if (req.method === 'POST' && !id) {
      const body = JSON.parse(raw) as Partial<FakeGoogleEvent>;
      const newId = body.id ?? randomUUID().replace(/-/g, '');
      (this.requests.at(-1) as { query: Record<string, string> }).query.id = newId; // for tests checking order
      if (body.id && !BASE32HEX.test(body.id)) return error(400, 'Invalid resource id value.', 'invalid');
      if (events.has(newId)) return error(409, 'The requested identifier already exists.', 'duplicate');
      this.seq++;
      const stored: FakeGoogleEvent = { status: 'confirmed', start: {}, end: {}, ...body, id: newId, etag: `"${this.seq}"`, seq: this.seq };
      events.set(newId, stored);
      return send(200, this.resource(stored));
    }
    if (req.method === 'PUT' && id) {
      const existing = events.get(id);
      if (!existing) return error(404, 'Not Found', 'notFound');
      this.seq++;
      Object.assign(existing, JSON.parse(raw) as Partial<FakeGoogleEvent>, { id, status: 'confirmed', etag: `"${this.seq}"`, seq: this.seq });
      return send(200, this.resource(existing));
    }
    if (req.method === 'DELETE' && id) {
      const existing = events.get(id);
      if (!existing) return error(404, 'Not Found', 'notFound');
      if (existing.status === 'cancelled') return error(410, 'Resource has been deleted', 'deleted');
      this.cancel(decodeURIComponent(match[1] as string), id);
      res.writeHead(204).end();
      return;
    }
    return error(405, 'Method not allowed');
  }

  private list(events: Map<string, FakeGoogleEvent>, query: Record<string, string>, send: (s: number, b?: unknown) => void, error: (s: number, m: string, r?: string) => void): void {
    let items: FakeGoogleEvent[];
    if (query.syncToken) {
      if (query.timeMin || query.timeMax) return error(400, 'Sync token cannot be used with timeMin/timeMax.', 'invalid');
      const from = Number(query.syncToken.replace(/^sync-/, ''));
      if (!Number.isFinite(from) || from < this.tokensValidFrom) return error(410, 'Sync token is no longer valid, a full sync is required.', 'fullSyncRequired');
      items = [...events.values()].filter((e) => e.seq > from);
    } else {
      const min = query.timeMin ? Date.parse(query.timeMin) : -Infinity;
      const max = query.timeMax ? Date.parse(query.timeMax) : Infinity;
      const at = (t: FakeGoogleEvent['start']) => Date.parse(t.dateTime ?? `${t.date}T00:00:00Z`);
      items = [...events.values()].filter((e) => (query.showDeleted === 'true' || e.status !== 'cancelled') && at(e.start) < max && at(e.end) > min);
    }
    items.sort((a, b) => a.seq - b.seq);
    const offset = Number(query.pageToken ?? 0);
    const size = Math.min(Number(query.maxResults ?? 250), this.pageSize);
    const page = items.slice(offset, offset + size);
    const last = offset + size >= items.length;
    send(200, {
      kind: 'calendar#events',
      items: page.map((e) => this.resource(e)),
      ...(last ? { nextSyncToken: `sync-${this.seq}` } : { nextPageToken: String(offset + size) }),
    });
  }

  private resource(e: FakeGoogleEvent) {
    const { seq: _seq, ...rest } = e;
    return { kind: 'calendar#event', ...rest };
  }

  private token(form: URLSearchParams, send: (s: number, b?: unknown) => void): void {
    const grant = form.get('grant_type');
    if (grant === 'refresh_token') {
      if (!this.refreshTokens.has(form.get('refresh_token') ?? '')) return send(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      return send(200, { access_token: this.newAccessToken(), expires_in: 3599, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/calendar' });
    }
    if (grant === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!code || code.challenge !== challenge || code.redirectUri !== form.get('redirect_uri')) {
        return send(400, { error: 'invalid_grant', error_description: 'Bad code, verifier or redirect URI.' });
      }
      this.codes.delete(form.get('code') ?? '');
      return send(200, { access_token: this.newAccessToken(), refresh_token: this.issueRefreshToken(), expires_in: 3599, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/calendar' });
    }
    send(400, { error: 'unsupported_grant_type' });
  }

  /** The consent screen, already agreed to: redirects to the app's loopback with a code. */
  private authorize(url: URL, res: ServerResponse): void {
    const redirect = url.searchParams.get('redirect_uri') ?? '';
    const ok = url.searchParams.get('code_challenge_method') === 'S256' && url.searchParams.get('access_type') === 'offline' && /^http:\/\/127\.0\.0\.1:\d+/.test(redirect);
    if (!ok) {
      res.writeHead(400).end('bad authorization request');
      return;
    }
    const code = `code-${randomUUID()}`;
    this.codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', redirectUri: redirect });
    const target = new URL(redirect);
    target.searchParams.set('code', code);
    if (url.searchParams.get('state')) target.searchParams.set('state', url.searchParams.get('state') as string);
    res.writeHead(302, { location: target.href }).end();
  }

  private newAccessToken(): string {
    const token = `ya29.${randomUUID()}`;
    this.accessTokens.add(token);
    return token;
  }
}
