/**
 * Deterministic event ids. The id of a booking's event is derived from the booking alone, so a
 * retried create names the same event and the calendar answers "already exists" instead of
 * making a second one. The alphabet is base32hex (0-9, a-v): the only characters Google accepts
 * in a client-chosen event id, and safe in a CalDAV file name and a Graph transactionId.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuv';
/** Marks ids Frontdesk made; only base32hex letters. */
const PREFIX = 'frontdesk';

function encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function decode(text: string): Uint8Array | null {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Uint8Array.from(bytes);
}

/** The event id of a booking, the same in every calendar it is written to. */
export function eventIdForBooking(bookingId: string): string {
  return PREFIX + encode(new TextEncoder().encode(bookingId));
}

/** The booking an event id (or iCalendar UID, or CalDAV file name) was made for, or null for anyone else's event. */
export function bookingIdFromEventId(id: string): string | null {
  const bare = id.replace(/\.ics$/, '').toLowerCase();
  if (!bare.startsWith(PREFIX) || bare.length <= PREFIX.length) return null;
  const bytes = decode(bare.slice(PREFIX.length));
  if (!bytes) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return eventIdForBooking(text) === bare ? text : null;
}
