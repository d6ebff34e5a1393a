/** A path into the tenant configuration, as zod reports it: `['services', 2, 'durationMinutes']`. */
export type Path = readonly (string | number)[];

export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * A copy of `root` with `value` at `path`, sharing everything it did not touch (so React and
 * zustand see exactly what changed). `undefined` removes an object key, which is how an optional
 * field is cleared; arrays are indexed by number.
 */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const current = root as unknown;
  if (Array.isArray(current)) {
    const copy = current.slice();
    copy[key as number] = setIn(copy[key as number], rest, value);
    return copy as T;
  }
  const source = current !== null && typeof current === 'object' ? (current as Record<string, unknown>) : {};
  const next = setIn(source[key as string], rest, value);
  const copy: Record<string, unknown> = { ...source };
  if (next === undefined) delete copy[key as string];
  else copy[key as string] = next;
  return copy as T;
}

/** `list` without the item at `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** "a, b ,, c" → ["a", "b", "c"]: comma-separated words for aliases and keywords. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function formatList(list: readonly string[] | undefined): string {
  return (list ?? []).join(', ');
}

/** "Teeth cleaning" → "teeth-cleaning", unique among `taken` ("teeth-cleaning-2"). */
export function slugFor(name: string, taken: readonly string[], fallback: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || fallback;
  let candidate = base;
  for (let n = 2; taken.includes(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

/** Same content, ignoring key order: what decides "unsaved changes". */
export function sameConfig(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

export type Interval = [string, string];

/** The next interval to offer: an hour after the last one ends, or a plain working day. */
export function nextInterval(intervals: readonly Interval[]): Interval {
  const last = intervals[intervals.length - 1];
  if (!last || !/^\d{2}:\d{2}$/.test(last[1])) return ['09:00', '17:00'];
  const [h = 0, m = 0] = last[1].split(':').map(Number);
  const from = Math.min(h * 60 + m + 60, 23 * 60);
  const to = Math.min(from + 4 * 60, 24 * 60);
  const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return [clock(from), clock(to)];
}

interface Named {
  id: string;
  name: string;
}

/**
 * New providers and services get their id from their name when saved ("Dr. Ana Ruiz" →
 * "dr-ana-ruiz"), so nobody types or reads an id; saved ones keep theirs, since files, links and
 * bookings refer to it. A service's provider list follows the renamed ids.
 */
export function withIdsFromNames<T extends { providers?: Named[]; services?: (Named & { providerIds: string[] })[] }>(draft: T, saved: T | null): T {
  const rename = <I extends Named>(items: I[] | undefined, savedItems: Named[] | undefined, fallback: string) => {
    const keep = new Set((savedItems ?? []).map((i) => i.id));
    const taken = (items ?? []).filter((i) => keep.has(i.id)).map((i) => i.id);
    const renamed = new Map<string, string>();
    const next = (items ?? []).map((item) => {
      if (keep.has(item.id)) return item;
      const id = slugFor(item.name, taken, fallback);
      taken.push(id);
      renamed.set(item.id, id);
      return { ...item, id };
    });
    return { next, renamed };
  };
  const providers = rename(draft.providers, saved?.providers, 'provider');
  const services = rename(draft.services, saved?.services, 'service');
  return {
    ...draft,
    ...(draft.providers ? { providers: providers.next } : {}),
    ...(draft.services
      ? { services: services.next.map((s) => ({ ...s, providerIds: s.providerIds.map((id) => providers.renamed.get(id) ?? id) })) }
      : {}),
  };
}
