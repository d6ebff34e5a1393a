import { rfc2822, twilioSid } from './twilio-wire.js';

const API_VERSION = '2010-04-01';
const DEFAULT_PAGE_SIZE = 50;

/** What a test may set on a number when it adds it to the fake account. */
export interface NumberSeed {
  phoneNumber: string;
  friendlyName?: string;
  voiceUrl?: string;
  voiceMethod?: 'GET' | 'POST';
  statusCallback?: string;
  smsUrl?: string;
  voiceApplicationSid?: string | null;
  smsApplicationSid?: string | null;
  trunkSid?: string | null;
}

export type RestAnswer = { status: number; body: unknown } | { status: number; error: { code: number; message: string } };

/** The writable fields of IncomingPhoneNumbers/{Sid}.json and their JSON names (the SDK's ClientOpts names). */
const UPDATABLE: Record<string, string> = {
  FriendlyName: 'friendly_name',
  VoiceUrl: 'voice_url',
  VoiceMethod: 'voice_method',
  VoiceFallbackUrl: 'voice_fallback_url',
  VoiceFallbackMethod: 'voice_fallback_method',
  StatusCallback: 'status_callback',
  StatusCallbackMethod: 'status_callback_method',
  SmsUrl: 'sms_url',
  SmsMethod: 'sms_method',
  SmsFallbackUrl: 'sms_fallback_url',
  SmsFallbackMethod: 'sms_fallback_method',
  VoiceApplicationSid: 'voice_application_sid',
  SmsApplicationSid: 'sms_application_sid',
  TrunkSid: 'trunk_sid',
};
const URL_FIELDS = new Set(['VoiceUrl', 'VoiceFallbackUrl', 'StatusCallback', 'SmsUrl', 'SmsFallbackUrl']);
const METHOD_FIELDS = new Set(['VoiceMethod', 'VoiceFallbackMethod', 'StatusCallbackMethod', 'SmsMethod', 'SmsFallbackMethod']);

/**
 * The account's phone numbers as Twilio's IncomingPhoneNumbers resource (2010-04-01) serves them:
 *
 * - `GET …/IncomingPhoneNumbers.json[?PhoneNumber=&FriendlyName=&PageSize=&Page=]` — a page with
 *   `incoming_phone_numbers`, `page`, `page_size`, `start`, `end`, `uri`, `first_page_uri`,
 *   `next_page_uri` (null on the last page) and `previous_page_uri`.
 * - `GET …/IncomingPhoneNumbers/{PN…}.json` — one number; unknown → 404 (20404).
 * - `POST …/IncomingPhoneNumbers/{PN…}.json` — update; an empty value clears a URL (Twilio stores
 *   ''), a URL must be absolute http(s) (21502 "Invalid url", the fake's choice of code for every URL
 *   field) and a method GET or POST (21503 likewise).
 *
 * Every resource carries the fields the SDK maps (snake_case), including `voice_application_sid` and
 * `trunk_sid`, which make Twilio ignore the voice URLs.
 */
export class FakePhoneNumbers {
  private readonly numbers = new Map<string, Record<string, unknown>>();

  constructor(private readonly options: { accountSid: string; now: () => number }) {}

  add(seed: NumberSeed): Record<string, unknown> {
    const sid = twilioSid('PN');
    const now = rfc2822(this.options.now());
    const resource: Record<string, unknown> = {
      account_sid: this.options.accountSid,
      address_requirements: 'none',
      address_sid: null,
      api_version: API_VERSION,
      beta: false,
      bundle_sid: null,
      capabilities: { voice: true, sms: true, mms: true, fax: false },
      date_created: now,
      date_updated: now,
      emergency_address_sid: null,
      emergency_address_status: 'unregistered',
      emergency_status: 'Inactive',
      friendly_name: seed.friendlyName ?? formatFriendly(seed.phoneNumber),
      identity_sid: null,
      origin: 'twilio',
      phone_number: seed.phoneNumber,
      sid,
      sms_application_sid: seed.smsApplicationSid ?? '',
      sms_fallback_method: 'POST',
      sms_fallback_url: '',
      sms_method: 'POST',
      sms_url: seed.smsUrl ?? '',
      status: 'in-use',
      status_callback: seed.statusCallback ?? '',
      status_callback_method: 'POST',
      subresource_uris: { assigned_add_ons: `/${API_VERSION}/Accounts/${this.options.accountSid}/IncomingPhoneNumbers/${sid}/AssignedAddOns.json` },
      trunk_sid: seed.trunkSid ?? null,
      type: 'local',
      uri: `/${API_VERSION}/Accounts/${this.options.accountSid}/IncomingPhoneNumbers/${sid}.json`,
      voice_application_sid: seed.voiceApplicationSid ?? '',
      voice_caller_id_lookup: false,
      voice_fallback_method: 'POST',
      voice_fallback_url: '',
      voice_method: seed.voiceMethod ?? 'POST',
      voice_receive_mode: 'voice',
      voice_url: seed.voiceUrl ?? '',
    };
    this.numbers.set(sid, resource);
    return resource;
  }

  /** The number as Twilio holds it now (a copy), by SID or E.164. */
  get(sidOrNumber: string): Record<string, unknown> | undefined {
    const found = this.numbers.get(sidOrNumber) ?? [...this.numbers.values()].find((n) => n.phone_number === sidOrNumber);
    return found ? structuredClone(found) : undefined;
  }

  /** Changes a number behind the appliance's back (as the owner could in Twilio's console). */
  patch(sid: string, fields: Record<string, unknown>): void {
    const number = this.numbers.get(sid);
    if (!number) throw new Error(`no number ${sid}`);
    Object.assign(number, fields);
  }

  handle(method: string, sid: string | undefined, query: URLSearchParams, params: Record<string, string>): RestAnswer {
    if (sid === undefined && method === 'GET') return this.list(query);
    if (sid === undefined) return { status: 405, error: { code: 20004, message: 'Method not allowed' } };
    const number = this.numbers.get(sid);
    if (!number) return { status: 404, error: { code: 20404, message: `The requested resource /${API_VERSION}/Accounts/${this.options.accountSid}/IncomingPhoneNumbers/${sid}.json was not found` } };
    if (method === 'GET') return { status: 200, body: number };
    if (method !== 'POST') return { status: 405, error: { code: 20004, message: 'Method not allowed' } };
    for (const [name, value] of Object.entries(params)) {
      if (URL_FIELDS.has(name) && value !== '' && !/^https?:\/\/[^\s/]+/i.test(value)) {
        return { status: 400, error: { code: 21502, message: `${name} is not a valid URL: ${value}` } };
      }
      if (METHOD_FIELDS.has(name) && !['GET', 'POST'].includes(value.toUpperCase())) {
        return { status: 400, error: { code: 21503, message: `${name} must be GET or POST` } };
      }
    }
    for (const [name, value] of Object.entries(params)) {
      const field = UPDATABLE[name];
      if (field) number[field] = METHOD_FIELDS.has(name) ? value.toUpperCase() : value;
    }
    number.date_updated = rfc2822(this.options.now());
    return { status: 200, body: number };
  }

  private list(query: URLSearchParams): RestAnswer {
    const pageSize = Math.max(1, Math.min(1000, Number(query.get('PageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
    const page = Math.max(0, Number(query.get('Page') ?? 0) || 0);
    const phoneNumber = query.get('PhoneNumber');
    const friendlyName = query.get('FriendlyName');
    // Twilio matches PhoneNumber as a pattern of digits: "+1555" finds every number containing it.
    const digits = phoneNumber?.replace(/[^\d]/g, '') ?? '';
    const all = [...this.numbers.values()].filter(
      (n) => (!phoneNumber || String(n.phone_number).replace(/[^\d]/g, '').includes(digits)) && (!friendlyName || n.friendly_name === friendlyName),
    );
    const start = page * pageSize;
    const items = all.slice(start, start + pageSize);
    const base = `/${API_VERSION}/Accounts/${this.options.accountSid}/IncomingPhoneNumbers.json`;
    const uriFor = (p: number) => {
      const q = new URLSearchParams(query);
      q.set('PageSize', String(pageSize));
      q.set('Page', String(p));
      return `${base}?${q.toString()}`;
    };
    return {
      status: 200,
      body: {
        end: start + Math.max(items.length, 1) - 1,
        first_page_uri: uriFor(0),
        incoming_phone_numbers: items,
        next_page_uri: start + pageSize < all.length ? uriFor(page + 1) : null,
        page,
        page_size: pageSize,
        previous_page_uri: page > 0 ? uriFor(page - 1) : null,
        start,
        uri: uriFor(page),
      },
    };
  }
}

function formatFriendly(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}
