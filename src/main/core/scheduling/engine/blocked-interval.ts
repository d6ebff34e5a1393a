import type { Service } from '../../../../shared/contract/index.js';
import { MINUTE_MS } from './local-time.js';
import type { TimeSpan } from './types.js';

/** What a visit of `service` starting at `start` keeps its provider from doing, buffers included. */
export function blockedInterval(service: Service, start: number): TimeSpan {
  return {
    start: start - service.bufferBeforeMinutes * MINUTE_MS,
    end: start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE_MS,
  };
}
