import { pino, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../app/app-types.js';

/**
 * Structured logs on stderr (stdout is kept for what hosts print to people). Secrets are
 * redacted by key wherever they appear, so a careless `log.info({ config })` cannot leak them.
 */
export const REDACTED_KEYS = ['authToken', 'auth_token', 'AuthToken', 'token', 'apiKey', 'password', 'x-twilio-signature', 'authorization'];

export function createLogger(level: LogLevel, destination: NodeJS.WritableStream = process.stderr): PinoLogger {
  return pino(
    {
      level,
      base: { app: 'frontdesk' },
      redact: {
        paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`), ...REDACTED_KEYS.map((k) => `*.*.${k}`)],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
