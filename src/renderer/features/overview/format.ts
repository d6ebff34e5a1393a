/** "+1 (555) 555-0123" for North American numbers; other E.164 numbers stay as they are. */
export function formatPhoneNumber(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (nanp) return `+1 (${nanp[1]}) ${nanp[2]}-${nanp[3]}`;
  return e164;
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "Mon 9:00 AM" in the given IANA zone; the browser's own zone when none is given. */
export function formatWeekdayTime(epochMs: number, timeZone?: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(epochMs);
}

/** "Eastern Standard Time", or null when the browser cannot name the zone. */
export function timeZoneLongName(epochMs: number, timeZone: string, locale?: string): string | null {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' })
      .formatToParts(epochMs)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? null;
  } catch (error) {
    // An unknown zone is a configuration problem shown elsewhere; here we only omit the nicety.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** "Nov 23, 9:00 AM" in the browser's zone. */
export function formatDateTime(epochMs: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(epochMs);
}
