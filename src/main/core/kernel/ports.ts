import type { AnyEvent } from '../../../shared/contract/index.js';

/** The clock every piece of core reads time from (tests use a fake one; FRONTDESK_NOW pins the start). */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export interface IdGenerator {
  next(): string;
}

/** The slice of a structured logger core code needs; pino satisfies it. */
export interface Logger {
  child(bindings: Record<string, unknown>): Logger;
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Pushes contract events to whoever listens (the console transports). */
export interface EventPublisher {
  publish(event: AnyEvent): void;
}

/**
 * Vendor credentials (Twilio auth token, ngrok authtoken, Deepgram and OpenAI keys, calendar
 * tokens), stored encrypted at rest. Values never leave through logs, health, exports or the
 * console; only names do. Environment variables may override stored values (servers).
 */
export interface SecretVault {
  /** The current value, or null when unset. Read at use time so a rotated secret applies without a restart. */
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Names that hold a value (stored or from the environment); never the values. */
  names(): string[];
}
