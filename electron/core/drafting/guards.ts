import type { Transcript } from '../domain/transcript';
import type { RiskFlag } from '../risk/types';
import type { Fact } from './facts';
import type { NoteTemplate } from './templates';
import { isSegmentEvidence } from './types';

/**
 * Guards every draft passes, whichever engine wrote it (issue #6): no note
 * from a silent session, risk always reaches the risk section, and the
 * template's required elements come from the rules when the model missed
 * them.
 */
const NON_SPEECH = /\[[^\]]*\]|\([^)]*\)|[♪*]+|\b(um+|uh+|hmm+|mm+)\b/gi;

/** A session with fewer than three real words holds no clinical content. */
export function hasClinicalContent(
  transcript: Transcript,
  riskFlags: readonly RiskFlag[],
): boolean {
  if (riskFlags.length > 0) return true;
  let words = 0;
  for (const s of transcript.segments) {
    words += s.text
      .replace(NON_SPEECH, ' ')
      .split(/\s+/)
      .filter((w) => /[a-z0-9]/i.test(w)).length;
    if (words >= 3) return true;
  }
  return false;
}

/**
 * Safety content the model may not drop: risk statements, and the safety
 * plan and crisis instructions that answer them (a note with risk and no
 * safety plan does not support the visit's codes).
 */
const SAFETY_KINDS = ['risk', 'safety_plan'] as const;

/**
 * Adds rules facts for every required kind the model left out, and every
 * rules risk or safety-plan fact whose segments no kept fact of its kind
 * cites.
 */
export function fillRequired(
  template: NoteTemplate,
  modelFacts: readonly Fact[],
  rulesFacts: readonly Fact[],
): Fact[] {
  const kinds = new Set(modelFacts.map((f) => f.kind));
  const required = new Set(template.sections.flatMap((s) => s.required));
  const added = rulesFacts.filter(
    (f) =>
      (required.has(f.kind) && !kinds.has(f.kind)) ||
      f.origin === 'appointment',
  );
  const risk = SAFETY_KINDS.flatMap((kind) => {
    const cited = new Set(
      modelFacts.filter((f) => f.kind === kind).flatMap(segmentIdsOf),
    );
    return rulesFacts.filter(
      (f) =>
        f.kind === kind &&
        !added.includes(f) &&
        !segmentIdsOf(f).every((id) => cited.has(id)),
    );
  });
  const present = rulesFacts.filter(
    (f) =>
      f.kind === 'assessment' && !kinds.has('assessment') && !added.includes(f),
  );
  return [...modelFacts, ...added, ...risk, ...present];
}

function segmentIdsOf(fact: Fact): string[] {
  return isSegmentEvidence(fact.evidence) ? fact.evidence.segmentIds : [];
}
