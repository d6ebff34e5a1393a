import type { IncomingMessage } from 'node:http';
import { DEFAULT_LIMITS } from '../listener-guard.js';

/** Twilio's webhook bodies are small; anything larger is not Twilio. */
export const MAX_WEBHOOK_BODY_BYTES = DEFAULT_LIMITS.maxBodyBytes;

export class BodyTooLargeError extends Error {}

/**
 * Reads a body up to `limit` bytes. A chunked body that runs past it is refused at once, and what
 * is still coming is drained unread rather than the socket reset, so the sender sees the 413.
 */
export function readBody(req: IncomingMessage, limit = MAX_WEBHOOK_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      reject(new BodyTooLargeError(`body over ${limit} bytes`));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}

/** application/x-www-form-urlencoded → a flat map (Twilio never repeats a key in voice webhooks). */
export function parseForm(body: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) params[key] = value;
  return params;
}
