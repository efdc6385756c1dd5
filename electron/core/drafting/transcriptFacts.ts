import type { Segment } from '../domain/transcript';
import { evidenceFor, indexSegments } from './evidence';
import type { Fact } from './facts';
import { INTERVENTIONS, type InterventionType } from './interventions';

/**
 * The deterministic drafter's reading of the transcript: consent, what
 * the client reported, the interventions (taxonomy in interventions.ts),
 * the client's response, homework and the next appointment. Every fact
 * cites the segments it came from; quotes keep the client's own words.
 */
export function transcriptFacts(
  segments: readonly Segment[],
  exclude: ReadonlySet<string>,
): Fact[] {
  const byId = indexSegments(segments);
  return [
    ...consentFacts(segments, byId),
    ...reportedFacts(
      segments,
      new Set([...exclude, ...interventionReplies(segments)]),
    ),
    ...INTERVENTIONS.flatMap((type) => interventionFacts(type, segments, byId)),
    ...homeworkFacts(segments, byId),
    ...nextAppointmentFacts(segments),
    ...closingFacts(segments),
  ];
}

const SYMPTOMS: [RegExp, string][] = [
  [/sleep|insomnia|awake|waking up/i, 'sleep disturbance'],
  [/worr|anxious|anxiety|panic|nervous/i, 'worry and anxiety'],
  [/sad|down|depress|hopeless|empty/i, 'low mood'],
  [/work|job|manager|boss|performance/i, 'work stress'],
  [/calling in sick|can't face|avoid|withdraw/i, 'avoidance'],
  [/drink|alcohol|using|high\b/i, 'substance use'],
  [/appetite|eating/i, 'appetite change'],
  [/tired|energy|exhausted/i, 'fatigue'],
];

function reportedFacts(
  segments: readonly Segment[],
  exclude: ReadonlySet<string>,
): Fact[] {
  const facts: Fact[] = [];
  for (const s of segments) {
    if (s.role !== 'client' || exclude.has(s.id) || wordCount(s.text) < 6)
      continue;
    const topics = SYMPTOMS.filter(([cue]) => cue.test(s.text)).map(
      ([, label]) => label,
    );
    if (topics.length === 0) continue;
    const text = `Client reported ${joinWords(topics)}: "${s.text}"`;
    facts.push({
      kind: 'reported',
      text,
      evidence: single(s),
      lowEvidence: s.confidence < 0.6,
      origin: 'rules',
    });
    if (facts.length >= 8) break;
  }
  return facts;
}

function consentFacts(
  segments: readonly Segment[],
  byId: Map<string, Segment>,
): Fact[] {
  const ask = segments.find(
    (s) =>
      s.role === 'clinician' &&
      /note assistant|record(ing)? (this|the|our) session|consent/i.test(
        s.text,
      ),
  );
  if (!ask) return [];
  const reply = nextClient(segments, ask, 2);
  if (
    !reply ||
    !/\b(yes|yeah|sure|okay|fine|that's fine|go ahead)\b/i.test(reply.text)
  )
    return [];
  const evidence = evidenceFor([ask.id, reply.id], byId);
  if (!evidence) return [];
  return [
    {
      kind: 'consent',
      text: 'Client was asked and consented to the use of the note assistant for this session.',
      evidence,
      origin: 'rules',
    },
  ];
}

function interventionFacts(
  type: InterventionType,
  segments: readonly Segment[],
  byId: Map<string, Segment>,
): Fact[] {
  const cued = segments.filter(
    (s) => s.role !== 'client' && type.cues.some((cue) => cue.test(s.text)),
  );
  const evidence = evidenceFor(
    cued.map((s) => s.id),
    byId,
  );
  const first = cued[0];
  if (!evidence || !first) return [];

  const facts: Fact[] = [
    {
      kind: 'intervention',
      text: `Clinician used ${type.label} (${type.modality}).`,
      evidence,
      origin: 'rules',
    },
  ];
  if (type.id === 'safety_planning')
    return [...facts, ...safetyPlanFacts(segments, first, cued)];
  return [
    ...facts,
    ...responseFacts(
      type,
      segments,
      cued.filter((s) => !HOMEWORK.test(s.text)),
    ),
  ];
}

/**
 * The client's replies to the technique: the balanced thought when one was
 * asked for, and the last reply as the response, citing every reply.
 */
function responseFacts(
  type: InterventionType,
  segments: readonly Segment[],
  cued: Segment[],
): Fact[] {
  const replies = cued
    .map((s) => nextClient(segments, s, 1))
    .filter((s): s is Segment => s !== undefined);
  const last = replies[replies.length - 1];
  if (!last) return [];
  const facts: Fact[] = [];
  const balancedAsk = cued.find((s) =>
    /balanced thought|another way to see/i.test(s.text),
  );
  const balanced = balancedAsk
    ? nextClient(segments, balancedAsk, 1)
    : undefined;
  if (balanced && balanced !== last) {
    facts.push({
      kind: 'response',
      text: `Client formed a balanced thought: "${balanced.text}"`,
      evidence: single(balanced),
      origin: 'rules',
    });
  }
  const evidence =
    evidenceFor(
      replies.map((s) => s.id),
      indexSegments(segments),
    ) ?? single(last);
  const text = `Client response to ${type.label.split(' (')[0]}: "${last.text}"`;
  facts.push({ kind: 'response', text, evidence, origin: 'rules' });
  return facts;
}

/** Client segments that answer a clinician's technique, not fresh reports. */
export function interventionReplies(segments: readonly Segment[]): Set<string> {
  const ids = new Set<string>();
  for (const s of segments) {
    if (
      s.role === 'client' ||
      !INTERVENTIONS.some((t) => t.cues.some((cue) => cue.test(s.text)))
    )
      continue;
    const reply = nextClient(segments, s, 1);
    if (reply) ids.add(reply.id);
  }
  return ids;
}

function safetyPlanFacts(
  segments: readonly Segment[],
  first: Segment,
  cued: Segment[],
): Fact[] {
  const facts: Fact[] = [];
  const supports = nextClient(segments, first, 2);
  if (supports) {
    const text = `Safety plan reviewed; the client identified supports: "${supports.text}"`;
    facts.push({
      kind: 'safety_plan',
      text,
      evidence: single(supports),
      origin: 'rules',
    });
  }
  const crisis = cued.find(
    (s) => /crisis line|988|emergency/i.test(s.text) && s.id !== first.id,
  );
  if (crisis) {
    const clause = clip(crisis.text, /\bif\b|\bcall\b/i);
    facts.push({
      kind: 'safety_plan',
      text: `Crisis instructions given: "${clause}"`,
      evidence: single(crisis),
      origin: 'rules',
    });
  }
  return facts;
}

const HOMEWORK =
  /homework|between (now and|sessions)|this week,? (try|practice)|assignment|for next time/i;
const AGREES = /\b(i can|i will|i'll|okay|ok|sure|yes|sounds good)\b/i;

function homeworkFacts(
  segments: readonly Segment[],
  byId: Map<string, Segment>,
): Fact[] {
  const facts: Fact[] = [];
  for (const s of segments) {
    if (s.role === 'client' || !HOMEWORK.test(s.text)) continue;
    const reply = nextClient(segments, s, 1);
    const agreed = reply && AGREES.test(reply.text) ? reply : undefined;
    const evidence = evidenceFor(agreed ? [s.id, agreed.id] : [s.id], byId);
    if (!evidence) continue;
    const tail = agreed ? ' The client agreed.' : '';
    facts.push({
      kind: 'homework',
      text: `Homework assigned: "${clip(s.text, HOMEWORK)}"${tail}`,
      evidence,
      origin: 'rules',
    });
  }
  return facts;
}

const NEXT_VISIT =
  /(meet|see you|see each other|talk) (again )?(next|on|in)|next (session|appointment|visit)|follow[- ]up/i;
const WHEN =
  /\b((next|this) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)( (morning|afternoon|evening))?( at [a-z0-9: ]+?(?: ?[ap]\.?m\.?)?)?(?=[,.;!?]|$| and\b)|\bin (one|two|three|four|\d+) weeks?\b/i;

function nextAppointmentFacts(segments: readonly Segment[]): Fact[] {
  const s = segments.find((seg) => NEXT_VISIT.test(seg.text));
  if (!s) return [];
  const when = WHEN.exec(s.text)?.[0];
  const text = when
    ? `Next appointment: ${when.trim()}.`
    : `Next appointment discussed: "${clip(s.text, NEXT_VISIT)}"`;
  return [
    { kind: 'next_appointment', text, evidence: single(s), origin: 'rules' },
  ];
}

function closingFacts(segments: readonly Segment[]): Fact[] {
  const last = [...segments].reverse().find((s) => s.role === 'client');
  if (!last || !/help(ed|ful)|better|lighter|thank/i.test(last.text)) return [];
  return [
    {
      kind: 'response',
      text: `At the close of the session the client said: "${last.text}"`,
      evidence: single(last),
      origin: 'rules',
    },
  ];
}

function nextClient(
  segments: readonly Segment[],
  after: Segment,
  within: number,
): Segment | undefined {
  const index = segments.indexOf(after);
  return segments
    .slice(index + 1, index + 1 + within * 2)
    .find((s) => s.role === 'client');
}

function single(s: Segment): Fact['evidence'] {
  return { segmentIds: [s.id], start: s.start, end: s.end };
}

/** The sentence from the first cue onward, so quotes stay on topic. */
function clip(text: string, cue: RegExp): string {
  const at = text.search(cue);
  const from = at <= 0 ? 0 : text.lastIndexOf(' ', at) + 1;
  return text
    .slice(from)
    .replace(/^(for )?homework,?\s*|^and\s*/i, '')
    .trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
