/** The webhook settings of a Twilio number that Frontdesk sets, and puts back on detach. */
export interface NumberWebhooks {
  voiceUrl: string;
  voiceMethod: string;
  statusCallback: string;
  statusCallbackMethod: string;
  smsUrl: string;
  smsMethod: string;
}

/** A number on the Twilio account, as read back from Twilio. */
export interface PhoneNumberRecord extends NumberWebhooks {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  /** Set when a TwiML app answers the number: Twilio then ignores voiceUrl. */
  voiceApplicationSid: string | null;
  smsApplicationSid: string | null;
  /** Set when a SIP trunk carries the number: Twilio then ignores the voice URLs. */
  trunkSid: string | null;
}

/** Twilio's IncomingPhoneNumbers, through the account's current credentials. Throws ContractErrors in the owner's words. */
export interface PhoneNumbersGateway {
  list(): Promise<PhoneNumberRecord[]>;
  findByNumber(e164: string): Promise<PhoneNumberRecord | null>;
  fetch(sid: string): Promise<PhoneNumberRecord>;
  update(sid: string, webhooks: NumberWebhooks): Promise<PhoneNumberRecord>;
}

export interface PhoneAttachment {
  tenantId: string;
  numberSid: string;
  phoneNumber: string;
  /** What the number had before Frontdesk pointed it here. */
  previous: NumberWebhooks;
  /** The public base URL the number was last pointed at; null until there is one. */
  pointedAt: string | null;
  /** When the read-back last matched what we set; null when it did not (see problem). */
  verifiedAt: number | null;
  problem: string | null;
  attachedAt: number;
}

export interface PhoneAttachmentRepository {
  list(): PhoneAttachment[];
  get(tenantId: string): PhoneAttachment | null;
  save(attachment: PhoneAttachment): void;
  remove(tenantId: string): void;
}

/** Appliance-wide settings the setup wizard and the CLI write (never secrets: those live in the vault). */
export interface ApplianceSettings {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

export type TunnelSpec = { mode: 'ngrok'; domain: string | null } | { mode: 'url'; url: string };

/** A running way in for Twilio: ngrok, or the practice's own public URL. */
export interface Tunnel {
  /** Resolves with the public https base URL once Twilio can be pointed at it; rejects in the owner's words. */
  start(): Promise<string>;
  close(): Promise<void>;
}

export interface TunnelHooks {
  /** The connection dropped (network loss); the tunnel is reconnecting by itself. */
  onDown(reason: string): void;
  /** Back up after a drop, possibly at a new URL. */
  onUp(url: string): void;
}

/** Builds the tunnel for a spec; `forwardTo` is the public listener's local address and nothing else. */
export type TunnelFactory = (spec: TunnelSpec, forwardTo: string, hooks: TunnelHooks) => Tunnel;

/** Sends a signed request through the public URL and says whether it came back to this appliance. */
export type SelfTest = (publicUrl: string) => Promise<{ ok: true } | { ok: false; problem: string }>;
