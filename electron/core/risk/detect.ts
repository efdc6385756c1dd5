import type { Segment } from '../domain/transcript';
import { normalize, sentences } from '../assessments/text';
import type { AssessmentResult } from '../assessments/types';
import { log } from '../log/logger';
import { itemNineFlags } from './itemNine';
import {
  DENIAL_PATTERNS,
  NEGATORS,
  RISK_PATTERNS,
  type RiskPattern,
} from './patterns';
import { answerReadings } from './answers';
import { evidenceOf, type RiskHit } from './evidence';
import type {
  DenialTopic,
  RiskDenial,
  RiskEvidence,
  RiskFlag,
  RiskFlagType,
} from './types';

/** Flag types a denial of plan, intent, means or ideation speaks to. */
const SUICIDE_TYPES: RiskFlagType[] = [
  'suicidal_ideation_passive',
  'suicidal_ideation_active',
  'suicide_plan',
  'suicide_intent',
  'means_access',
  'phq9_item9',
];

const DENIAL_FOR: Partial<Record<RiskFlagType, DenialTopic>> = {
  suicidal_ideation_passive: 'ideation',
  suicidal_ideation_active: 'ideation',
  suicide_plan: 'plan',
  suicide_intent: 'intent',
  means_access: 'means',
  self_harm: 'self_harm',
};

/** Second person just before a match: the words are said to the client. */
const ADDRESSED = /\byou(?:d|re|ll|ve)?\b/;

/** Words before a match, in the same clause, that can negate it. */
const NEGATION_WINDOW = 4;

/**
 * Raises risk flags from what the client said, and from assessments: any
 * PHQ-9 item 9 answer above 0 always raises a `phq9_item9` flag, whatever
 * the total (DOMAIN.md 3.2). Each flag quotes the client's words with
 * their time. Denials ("no plan", "I would never do anything") are kept on
 * the suicide-related flags as facts for the note; they never lower or
 * remove a flag. Flags start open; only dismissRiskFlag closes one.
 */
export function detectRiskFlags(
  segments: Segment[],
  assessments: AssessmentResult[] = [],
): RiskFlag[] {
  const ordered = [...segments].sort((a, b) => a.start - b.start);
  const hits: RiskHit[] = [];
  const denials: RiskDenial[] = [];

  for (const segment of ordered) {
    if (segment.role === 'clinician') continue;
    scanSegment(segment, hits, denials);
  }
  answerReadings(ordered, hits, denials);

  const flags = [...mergeHits(hits), ...itemNineFlags(assessments)];
  attachDenials(flags, denials);
  log().info('risk.detected', {
    segments: segments.length,
    flags: flags.length,
  });
  return flags;
}

function scanSegment(
  segment: Segment,
  hits: RiskHit[],
  denials: RiskDenial[],
): void {
  for (const sentence of sentences(segment.text)) {
    if (segment.role === 'unknown' && sentence.trim().endsWith('?')) continue;
    const evidence = evidenceOf(segment, sentence);

    for (const clause of sentence.split(/[,;]| but /i)) {
      const text = normalize(clause);
      for (const rule of RISK_PATTERNS)
        scanClause(text, rule, evidence, hits, denials);
      for (const denial of DENIAL_PATTERNS) {
        if (denial.pattern.test(text))
          denials.push({ about: denial.about, evidence });
      }
    }
  }
}

function scanClause(
  text: string,
  rule: RiskPattern,
  evidence: RiskEvidence,
  hits: RiskHit[],
  denials: RiskDenial[],
): void {
  const match = rule.pattern.exec(text);
  if (!match) return;
  const before = text
    .slice(0, match.index)
    .trim()
    .split(' ')
    .slice(-NEGATION_WINDOW)
    .join(' ');
  // "...that you'd be better off dead" is someone asking the client, not a disclosure.
  if (ADDRESSED.test(before.split(' ').slice(-2).join(' '))) return;
  if (!NEGATORS.test(before)) {
    hits.push({ type: rule.type, severity: rule.severity, evidence });
    return;
  }
  const about = DENIAL_FOR[rule.type];
  if (about) denials.push({ about, evidence });
}

/** One flag per type; its evidence lists every place it was heard. */
function mergeHits(hits: RiskHit[]): RiskFlag[] {
  const byType = new Map<RiskFlagType, RiskFlag>();
  for (const hit of hits) {
    const flag = byType.get(hit.type);
    if (flag) {
      if (!flag.evidence.some((seen) => sameEvidence(seen, hit.evidence))) {
        flag.evidence.push(hit.evidence);
      }
      continue;
    }
    byType.set(hit.type, newFlag(hit));
  }
  return [...byType.values()];
}

function newFlag(hit: RiskHit): RiskFlag {
  return {
    id: `${hit.type}:${hit.evidence.segmentIds.join('+')}`,
    type: hit.type,
    severity: hit.severity,
    status: 'open',
    source: 'transcript',
    evidence: [hit.evidence],
    denials: [],
    mandatedReport:
      hit.type === 'abuse_disclosure' || hit.type === 'neglect_disclosure',
  };
}

function sameEvidence(a: RiskEvidence, b: RiskEvidence): boolean {
  return a.quote === b.quote && a.segmentIds.join() === b.segmentIds.join();
}

function attachDenials(flags: RiskFlag[], denials: RiskDenial[]): void {
  const unique = denials.filter(
    (denial, position) =>
      denials.findIndex(
        (other) =>
          other.about === denial.about &&
          sameEvidence(other.evidence, denial.evidence),
      ) === position,
  );
  for (const flag of flags) {
    flag.denials = unique.filter((denial) =>
      SUICIDE_TYPES.includes(flag.type)
        ? denial.about !== 'self_harm'
        : flag.type === 'self_harm' && denial.about === 'self_harm',
    );
  }
}
