/**
 * The start of `date` and of the next day in an IANA time zone, as ISO
 * instants with that zone's offset (`2026-03-10T00:00:00-05:00`). The offset
 * is the one in force at noon, which is right on every day but the two DST
 * switch days, where it is at most an hour off at midnight.
 */
export function dayBounds(
  date: string,
  timeZone: string,
): { start: string; end: string } {
  const next = new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  return {
    start: `${date}T00:00:00${offsetAt(date, timeZone)}`,
    end: `${next}T00:00:00${offsetAt(next, timeZone)}`,
  };
}

/** `±hh:mm` of a zone at noon UTC on a date. */
export function offsetAt(date: string, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName: 'longOffset',
  })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name ?? '');
  return match?.[1] ?? '+00:00';
}

/** Today's date (`YYYY-MM-DD`) in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
