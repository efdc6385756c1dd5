import type {
  SessionDetailView,
  SessionSummaryView,
} from '../../../electron/contract/contract';

/** One chart point: a session date and its PHQ-9 / GAD-7 totals. */
export interface TrendRow {
  date: string;
  phq9: number | null;
  gad7: number | null;
}

/**
 * PHQ-9 and GAD-7 totals by session date, oldest first. Proposed verbal
 * scores count too (they are what the clinician saw); a session without
 * an instrument leaves a gap, never a zero.
 */
export function trendRows(details: SessionDetailView[]): TrendRow[] {
  return [...details]
    .sort((a, b) =>
      a.summary.scheduledStart.localeCompare(b.summary.scheduledStart),
    )
    .map((d) => ({
      date: d.summary.scheduledStart.slice(0, 10),
      phq9: total(d, 'phq9'),
      gad7: total(d, 'gad7'),
    }))
    .filter((row) => row.phq9 !== null || row.gad7 !== null);
}

function total(detail: SessionDetailView, instrumentId: string): number | null {
  const found = detail.assessments.find(
    (a) => a.instrumentId === instrumentId && a.total !== null,
  );
  return found?.total ?? null;
}

export interface ClientGroup {
  clientId: string;
  label: string;
  sessions: SessionSummaryView[];
}

/** Sessions grouped by client, most recent session first in each. */
export function groupByClient(sessions: SessionSummaryView[]): ClientGroup[] {
  const groups = new Map<string, ClientGroup>();
  for (const s of sessions) {
    const group = groups.get(s.clientId) ?? {
      clientId: s.clientId,
      label: s.clientLabel,
      sessions: [],
    };
    group.sessions.push(s);
    groups.set(s.clientId, group);
  }
  for (const g of groups.values())
    g.sessions.sort((a, b) => b.scheduledStart.localeCompare(a.scheduledStart));
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}
