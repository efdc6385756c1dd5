import { AppError } from '../../contract/errors';

/** A span between two absolute instants (ISO 8601 with an offset or Z). */
export interface TimeSpan {
  start: string;
  end: string;
}

/**
 * The session timeline the clinician confirmed: the appointment's documented
 * start/stop, or the capture's start/stop with its pauses.
 */
export interface SessionTimeline extends TimeSpan {
  pauses?: readonly TimeSpan[];
}

/** The appointment's documented start and stop as a timeline. */
export function appointmentTimeline(appointment: {
  scheduledStart: string;
  scheduledEnd: string;
}): SessionTimeline {
  return { start: appointment.scheduledStart, end: appointment.scheduledEnd };
}

// An instant must carry its offset: a bare local time is ambiguous across a
// daylight-saving change (FHIR dateTime with a time also requires one).
const INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: string, what: string): number {
  const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new AppError(
      'billing_invalid',
      `The ${what} time must be an ISO 8601 instant with an offset.`,
    );
  }
  return ms;
}

/**
 * Whole minutes of service in a timeline: end minus start, less the pauses
 * (clipped to the session and merged where they overlap). Instants are
 * absolute, so a session across a daylight-saving change keeps its true
 * length. Partial minutes are dropped, never rounded up (CPT time rule:
 * "use actual minutes").
 */
export function sessionMinutes(timeline: SessionTimeline): number {
  const start = instant(timeline.start, 'start');
  const end = instant(timeline.end, 'end');
  if (end < start) {
    throw new AppError('billing_invalid', 'The session ends before it starts.');
  }

  const paused = pausedMs(start, end, timeline.pauses ?? []);
  return Math.floor((end - start - paused) / 60_000);
}

function pausedMs(
  start: number,
  end: number,
  pauses: readonly TimeSpan[],
): number {
  const spans = pauses
    .map(
      (p) =>
        [instant(p.start, 'pause start'), instant(p.end, 'pause end')] as const,
    )
    .map(([a, b]) => {
      if (b < a)
        throw new AppError('billing_invalid', 'A pause ends before it starts.');
      return [Math.max(a, start), Math.min(b, end)] as const;
    })
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);

  let total = 0;
  let coveredTo = start;
  for (const [a, b] of spans) {
    const from = Math.max(a, coveredTo);
    if (b > from) total += b - from;
    coveredTo = Math.max(coveredTo, b);
  }
  return total;
}

/**
 * Turns a wall-clock time in an IANA zone ("2026-11-01T01:30" in
 * America/New_York) into an instant with its offset. A time that does not
 * exist (spring-forward gap) is refused; one that occurs twice (fall-back
 * hour) is refused unless `pick` says which.
 */
export function zonedInstant(
  local: string,
  timeZone: string,
  pick?: 'earlier' | 'later',
): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) {
    throw new AppError(
      'billing_invalid',
      'Local times are written YYYY-MM-DDTHH:MM.',
    );
  }
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);

  // Candidate offsets are those in force a day either side; keep the ones
  // that map back to the same wall-clock time.
  const offsets = new Set([
    offsetMinutes(asUtc - 86_400_000, timeZone),
    offsetMinutes(asUtc + 86_400_000, timeZone),
  ]);
  const hits = [...offsets]
    .map((off) => asUtc - off * 60_000)
    .filter((ms) => asUtc - ms === offsetMinutes(ms, timeZone) * 60_000)
    .sort((a, b) => a - b);

  const chosen = choose(hits, pick);
  return formatWithOffset(chosen, offsetMinutes(chosen, timeZone));
}

function choose(hits: number[], pick: 'earlier' | 'later' | undefined): number {
  if (hits.length === 0) {
    throw new AppError(
      'billing_invalid',
      'That local time does not exist (daylight-saving gap).',
    );
  }
  if (hits.length > 1 && !pick) {
    throw new AppError(
      'billing_invalid',
      'That local time occurs twice (daylight-saving change); give the offset.',
    );
  }
  const chosen = pick === 'later' ? hits[hits.length - 1] : hits[0];
  return chosen ?? 0;
}

/** The zone's UTC offset in minutes at an instant (east positive). */
export function offsetMinutes(ms: number, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(ms));
  } catch {
    throw new AppError('billing_invalid', 'Unknown time zone.');
  }
  const get = (type: string) =>
    Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
  );
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

function formatWithOffset(ms: number, offset: number): string {
  const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 16);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${wall}:00${sign}${hh}:${mm}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in an IANA zone. */
export function localDate(value: string, timeZone: string): string {
  const ms = instant(value, 'service');
  const shifted = new Date(ms + offsetMinutes(ms, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 10);
}
