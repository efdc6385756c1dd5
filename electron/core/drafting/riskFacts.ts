import { existsSync, readFileSync } from 'node:fs';
import type { AssessmentResult } from '../assessments/types';
import type { Segment } from '../domain/transcript';
import { resourcePath } from '../paths';
import type { DenialTopic, RiskFlag, RiskFlagType } from '../risk/types';
import { evidenceFor, indexSegments } from './evidence';
import type { Fact } from './facts';

/**
 * Risk and instrument facts. Risk flags and assessment results are inputs
 * (from the risk and assessment detectors); every flag and every positive
 * risk item lands in the note's risk section, whatever the engine
 * (DOMAIN.md 1.9 item 6; PHQ-9 item 9 is a safety rule, DOMAIN.md 3.2).
 */
const FLAG_WORDS: Record<RiskFlagType, string> = {
  suicidal_ideation_passive: 'passive suicidal ideation',
  suicidal_ideation_active: 'active suicidal ideation',
  suicide_plan: 'a suicide plan',
  suicide_intent: 'suicidal intent',
  means_access: 'access to lethal means',
  self_harm: 'self-harm',
  homicidal_ideation: 'homicidal ideation',
  abuse_disclosure: 'a disclosure of abuse (mandated-report review required)',
  neglect_disclosure:
    'a disclosure of neglect (mandated-report review required)',
  overdose: 'an overdose',
  intoxication: 'intoxication',
  phq9_item9:
    'thoughts of being better off dead or of self-harm (PHQ-9 item 9 endorsed)',
};

const DENIAL_WORDS: Record<DenialTopic, string> = {
  ideation: 'suicidal ideation',
  plan: 'a plan',
  intent: 'intent to act',
  means: 'access to means',
  self_harm: 'self-harm',
};

export function riskFlagFacts(
  flags: readonly RiskFlag[],
  segments: readonly Segment[],
): Fact[] {
  const byId = indexSegments(segments);
  const facts: Fact[] = [];
  for (const flag of flags) {
    const evidence = evidenceFor(
      flag.evidence.flatMap((e) => e.segmentIds),
      byId,
    );
    if (!evidence) continue;
    const quote = flag.evidence[0]?.quote;
    const status =
      flag.status === 'open'
        ? ' Risk flag open: clinician risk assessment to be documented.'
        : '';
    const said = quote ? `, stating: "${quote}"` : '.';
    facts.push({
      kind: 'risk',
      text: `Client reported ${FLAG_WORDS[flag.type]}${said}${status}`,
      evidence,
      origin: 'rules',
    });
  }
  return [...facts, ...denialFacts(flags, byId)];
}

function denialFacts(
  flags: readonly RiskFlag[],
  byId: Map<string, Segment>,
): Fact[] {
  const seen = new Set<DenialTopic>();
  const facts: Fact[] = [];
  for (const denial of flags.flatMap((f) => f.denials)) {
    if (seen.has(denial.about)) continue;
    const evidence = evidenceFor(denial.evidence.segmentIds, byId);
    if (!evidence) continue;
    seen.add(denial.about);
    const quote = denial.evidence.quote ? `: "${denial.evidence.quote}"` : '.';
    facts.push({
      kind: 'risk',
      text: `Client denied ${DENIAL_WORDS[denial.about]}${quote}`,
      evidence,
      origin: 'rules',
    });
  }
  return facts;
}

const RISK_WORDS =
  /\b(suicid\w*|kill (myself|himself|herself)|better off (dead|without me)|end (my|it all)|hurt(ing)? myself|self[- ]harm|cut(ting)? myself|overdos\w*)\b/i;
const DENIAL =
  /\b(no,? (no )?plan|no intent|never (actually )?do (anything|it)|wouldn't act|not going to act)\b/i;

/**
 * Safety net for risk words the flag detector did not cover: a client
 * segment with risk language always reaches the risk section, marked thin,
 * so the clinician assesses it. Denials heard near it are kept beside it.
 */
export function uncoveredRiskFacts(
  segments: readonly Segment[],
  flags: readonly RiskFlag[],
): Fact[] {
  const covered = new Set(
    flags.flatMap((f) => f.evidence.flatMap((e) => e.segmentIds)),
  );
  const denied = new Set(
    flags.flatMap((f) => f.denials.flatMap((d) => d.evidence.segmentIds)),
  );
  const facts: Fact[] = [];
  for (const s of segments) {
    if (s.role === 'clinician' || covered.has(s.id) || denied.has(s.id))
      continue;
    const evidence = { segmentIds: [s.id], start: s.start, end: s.end };
    if (RISK_WORDS.test(s.text)) {
      facts.push({
        kind: 'risk',
        text: `Possible risk statement for clinician review: "${s.text}"`,
        evidence,
        lowEvidence: true,
        origin: 'rules',
      });
    } else if (DENIAL.test(s.text) && facts.length > 0) {
      facts.push({
        kind: 'risk',
        text: `Client denied a plan or intent: "${s.text}"`,
        evidence,
        origin: 'rules',
      });
    }
  }
  return facts;
}

interface InstrumentInfo {
  name: string;
  riskItems: number[];
}

function instrumentInfo(id: string): InstrumentInfo {
  const file = resourcePath(
    'instruments',
    `${id.replace(/[^a-z0-9_-]/gi, '')}.json`,
  );
  if (!existsSync(file)) return { name: id.toUpperCase(), riskItems: [] };
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    name?: string;
    riskItems?: number[];
  };
  return { name: raw.name ?? id.toUpperCase(), riskItems: raw.riskItems ?? [] };
}

/**
 * One sentence per scored instrument, citing the answers' segments, and a
 * risk fact per endorsed risk item unless a flag already carries it.
 */
export function assessmentFacts(
  results: readonly AssessmentResult[],
  segments: readonly Segment[],
  options: { riskItems: boolean },
): Fact[] {
  const byId = indexSegments(segments);
  const facts: Fact[] = [];
  for (const result of results) {
    const info = instrumentInfo(result.instrumentId);
    const evidence = evidenceFor(
      result.items.flatMap((i) => i.evidence?.segmentIds ?? []),
      byId,
    );
    if (!evidence) continue;
    facts.push({
      kind: 'assessment',
      text: scoreSentence(info.name, result),
      evidence,
      origin: 'rules',
    });
    if (options.riskItems) facts.push(...riskItemFacts(info, result, byId));
  }
  return facts;
}

function scoreSentence(name: string, result: AssessmentResult): string {
  const how = result.source === 'verbal' ? ' administered verbally' : '';
  const pending =
    result.status === 'proposed'
      ? '; proposed from the conversation, pending clinician confirmation'
      : '';
  if (result.total === null) {
    return `${name}${how}: ${result.missing} scored items missing, so no total was computed${pending}.`;
  }
  const prorated = result.prorated ? ' (prorated)' : '';
  const severity = result.severity ? ` (${result.severity})` : '';
  return `${name}${how}: total ${result.total}${prorated}${severity}${pending}.`;
}

function riskItemFacts(
  info: InstrumentInfo,
  result: AssessmentResult,
  byId: Map<string, Segment>,
): Fact[] {
  const facts: Fact[] = [];
  for (const index of info.riskItems) {
    const item = result.items.find((i) => i.index === index);
    const value = item?.answer ?? item?.suggested ?? null;
    if (!item || value === null || value <= 0) continue;
    const evidence = evidenceFor(item.evidence?.segmentIds ?? [], byId);
    if (!evidence) continue;
    const text = `${info.name} item ${index} was endorsed (score ${value}); this requires a clinician-performed risk assessment whatever the total.`;
    facts.push({ kind: 'risk', text, evidence, origin: 'rules' });
  }
  return facts;
}
