/**
 * Cursors for calendars that only say "changed or not" (a CalDAV ctag, a feed's ETag): the tag
 * plus the first day of the synced window, so the window moving on to a new day forces a full
 * read even when nothing in the calendar changed.
 */
export function windowCursor(tag: string, windowStart: number): string {
  return `${windowDay(windowStart)}|${tag}`;
}

export function windowDay(windowStart: number): string {
  return new Date(windowStart).toISOString().slice(0, 10);
}

/** The tag, when the cursor was made for the same window day; null means read everything. */
export function tagFor(cursor: string | null, windowStart: number): string | null {
  if (!cursor) return null;
  const separator = cursor.indexOf('|');
  if (separator < 0 || cursor.slice(0, separator) !== windowDay(windowStart)) return null;
  return cursor.slice(separator + 1);
}
