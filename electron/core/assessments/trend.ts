import { getInstrument } from './instruments';
import type { AssessmentResult, TrendPoint } from './types';

/** One instrument's history for one client, oldest first. */
export interface ScoreTrend {
  instrumentId: string;
  points: TrendPoint[];
  /** First and latest points with a total; null while there are none. */
  baseline: number | null;
  latest: number | null;
  /**
   * Response: the latest total at least 50% below the baseline; remission:
   * the latest total below the instrument's remission cut-point (PHQ-9 and
   * GAD-7: under 5). Measurement-based care conventions (AIMS Center);
   * null until there are two totals (response) or one (remission).
   */
  response: boolean | null;
  remission: boolean | null;
}

/**
 * Scores over time for one client, grouped by instrument, for the app's
 * chart. Administrations without a total (too many items missing) stay in
 * the series with a null total so the gap shows; `change` compares with
 * the previous point that had a total. Proposed verbal results are left
 * out: only what the clinician confirmed is charted.
 */
export function scoreTrend(
  results: { date: string; result: AssessmentResult }[],
): ScoreTrend[] {
  const confirmed = results.filter(
    (entry) => entry.result.status === 'confirmed',
  );
  const byInstrument = new Map<
    string,
    { date: string; result: AssessmentResult }[]
  >();
  for (const entry of confirmed) {
    const list = byInstrument.get(entry.result.instrumentId) ?? [];
    list.push(entry);
    byInstrument.set(entry.result.instrumentId, list);
  }
  return [...byInstrument.entries()].map(([id, list]) => trendOf(id, list));
}

function trendOf(
  instrumentId: string,
  list: { date: string; result: AssessmentResult }[],
): ScoreTrend {
  const sorted = [...list].sort(
    (a, b) => Date.parse(a.date) - Date.parse(b.date),
  );
  let previous: number | null = null;
  const points = sorted.map(({ date, result }): TrendPoint => {
    const change =
      result.total !== null && previous !== null
        ? result.total - previous
        : null;
    if (result.total !== null) previous = result.total;
    return {
      date,
      total: result.total,
      severity: result.severity,
      prorated: result.prorated,
      change,
    };
  });

  const totals = points.flatMap((point) =>
    point.total === null ? [] : [point.total],
  );
  const baseline = totals[0] ?? null;
  const latest = totals.at(-1) ?? null;
  const cut = getInstrument(instrumentId).remissionBelow;
  return {
    instrumentId,
    points,
    baseline,
    latest,
    response:
      totals.length >= 2 && baseline !== null && latest !== null && baseline > 0
        ? latest <= baseline / 2
        : null,
    remission: latest === null || cut === undefined ? null : latest < cut,
  };
}
