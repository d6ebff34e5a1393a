import { IANAZone } from 'luxon';

/**
 * Luxon asks `Intl.DateTimeFormat#formatToParts` for a zone's offset on every conversion, and a
 * call turn converts hundreds of instants (every slot, hold and spoken time): it was the largest
 * single cost in a turn's CPU profile. A zone's offset only changes at its transitions, and every
 * transition in use today falls on a quarter hour in UTC (offsets are whole quarter hours and
 * clocks change on the hour or half hour), so one lookup per zone per quarter hour is exact.
 * Installed once per process, before any time is converted; bounded so a long run cannot grow it.
 */

const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_ENTRIES = 100_000;
let installed = false;

export function cacheZoneOffsets(): void {
  if (installed) return;
  installed = true;
  const lookup = IANAZone.prototype.offset;
  const cache = new Map<string, number>();
  IANAZone.prototype.offset = function cachedOffset(this: IANAZone, ts: number): number {
    if (!Number.isFinite(ts)) return lookup.call(this, ts);
    const key = `${this.name}|${Math.floor(ts / QUARTER_HOUR_MS)}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const offset = lookup.call(this, ts);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, offset);
    return offset;
  };
}
