import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { makeTempDir } from './temp-dir.js';

export const RADICALE_BIN = '/usr/bin/radicale';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A real Radicale CalDAV server (Debian's package) on loopback with its storage in a temp folder
 * and plain htpasswd users, so wrong passwords are refused as a real server would. `stop` and
 * `start` again keep the port and the data: that is how tests take the calendar down and back.
 */
export class Radicale {
  private child: ChildProcess | null = null;
  private readonly temp = makeTempDir('frontdesk-radicale-');

  private constructor(
    readonly port: number,
    private readonly users: Record<string, string>,
  ) {}

  static async start(users: Record<string, string> = { maria: 'maria-app-password' }): Promise<Radicale> {
    const server = new Radicale(await freePort(), users);
    await server.start();
    return server;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const dir = this.temp.dir;
    writeFileSync(join(dir, 'users'), Object.entries(this.users).map(([u, p]) => `${u}:${p}`).join('\n') + '\n');
    writeFileSync(
      join(dir, 'config'),
      [
        '[server]',
        `hosts = 127.0.0.1:${this.port}`,
        '[auth]',
        'type = htpasswd',
        `htpasswd_filename = ${join(dir, 'users')}`,
        'htpasswd_encryption = plain',
        'delay = 0',
        '[rights]',
        'type = owner_only',
        '[storage]',
        `filesystem_folder = ${join(dir, 'collections')}`,
        '[logging]',
        'level = warning',
      ].join('\n'),
    );
    const child = spawn(RADICALE_BIN, ['-C', join(dir, 'config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Wait until it answers; it takes a moment to import on a busy machine.
    for (let attempt = 0; attempt < 400; attempt++) {
      if (child.exitCode !== null) throw new Error(`radicale exited: ${stderr}`);
      try {
        await fetch(`${this.baseUrl}/`, { method: 'OPTIONS' });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error(`radicale did not start: ${stderr}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.temp.cleanup();
  }

  private auth(user: string): string {
    return `Basic ${Buffer.from(`${user}:${this.users[user]}`).toString('base64')}`;
  }

  /** Creates a calendar collection with MKCALENDAR and returns its URL. */
  async makeCalendar(user: string, name: string): Promise<string> {
    const url = `${this.baseUrl}/${user}/${name}/`;
    const body = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>${name}</D:displayname>
<C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>`;
    const response = await fetch(url, { method: 'MKCALENDAR', headers: { authorization: this.auth(user), 'content-type': 'application/xml' }, body });
    if (response.status !== 201) throw new Error(`MKCALENDAR ${url}: ${response.status} ${await response.text()}`);
    return url;
  }

  /** Another client writing to the calendar (a phone, Thunderbird): a plain PUT of an iCalendar object. */
  async putEvent(user: string, calendarUrl: string, name: string, ics: string): Promise<void> {
    const response = await fetch(`${calendarUrl}${name}.ics`, { method: 'PUT', headers: { authorization: this.auth(user), 'content-type': 'text/calendar' }, body: ics });
    if (response.status >= 300) throw new Error(`PUT ${name}: ${response.status} ${await response.text()}`);
  }

  async deleteEvent(user: string, calendarUrl: string, name: string): Promise<void> {
    await fetch(`${calendarUrl}${name}`, { method: 'DELETE', headers: { authorization: this.auth(user) } });
  }

  /** Every object in the calendar as file name → iCalendar text (straight from Radicale, not through tsdav). */
  async objects(user: string, calendarUrl: string): Promise<Map<string, string>> {
    const body = `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><C:calendar-data/></D:prop>
<C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>`;
    const response = await fetch(calendarUrl, { method: 'REPORT', headers: { authorization: this.auth(user), depth: '1', 'content-type': 'application/xml' }, body });
    const xml = await response.text();
    const out = new Map<string, string>();
    for (const match of xml.matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>[\s\S]*?<(?:\w+:)?calendar-data[^>]*>([\s\S]*?)<\/(?:\w+:)?calendar-data>/g)) {
      const name = decodeURIComponent((match[1] as string).split('/').filter(Boolean).at(-1) as string);
      out.set(name, (match[2] as string).replace(/&#13;/g, '\r').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    }
    return out;
  }
}

/** A one-event iCalendar object in UTC. */
export function icsEvent(uid: string, startIso: string, endIso: string, extra: string[] = []): string {
  const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Other client//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp('2026-11-01T00:00:00Z')}`,
    `DTSTART:${stamp(startIso)}`,
    `DTEND:${stamp(endIso)}`,
    'SUMMARY:Dentist conference call',
    ...extra,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
