import { getInstrument, optionsFor } from '../assessments/instruments';
import type { AssessmentResult } from '../assessments/types';
import type { RiskEvidence, RiskFlag } from './types';

/**
 * PHQ-9 item 9 ("thoughts that you would be better off dead or of hurting
 * yourself") above 0 must raise an immediate flag and a clinician-performed
 * suicide risk assessment, whatever the total; a low total never
 * suppresses it (DOMAIN.md 3.2). A verbal item left null for low
 * confidence still flags when its suggested answer is above 0.
 */
export function itemNineFlags(assessments: AssessmentResult[]): RiskFlag[] {
  const flags: RiskFlag[] = [];
  for (const result of assessments) {
    if (result.instrumentId !== 'phq9') continue;
    const instrument = getInstrument(result.instrumentId);

    for (const index of instrument.riskItems ?? []) {
      const item = result.items.find((entry) => entry.index === index);
      const value = result.answers[index - 1] ?? item?.suggested ?? null;
      if (value === null || value <= 0) continue;

      const label = optionsFor(instrument, index).find(
        (choice) => choice.value === value,
      )?.label;
      const evidence: RiskEvidence[] = item?.evidence ? [item.evidence] : [];
      flags.push({
        id: `phq9_item9:${result.source}:${evidence[0]?.segmentIds.join('+') ?? 'form'}`,
        type: 'phq9_item9',
        severity: value >= 2 ? 'high' : 'moderate',
        status: 'open',
        source: 'assessment',
        evidence,
        denials: [],
        mandatedReport: false,
        detail: `${instrument.name} item ${index}: ${label ?? value} (${value})`,
      });
    }
  }
  return flags;
}
