import type { Segment } from '../domain/transcript';
import type { JsonSchema } from '../llm/LlmEngine';
import { evidenceFor, groundedness, indexSegments } from './evidence';
import type { Fact, FactKind } from './facts';
import {
  callJson,
  inputBudget,
  RETRY_GROWTH,
  type CallContext,
} from './llmCall';
import { plausibleKind, quotedStatement } from './kindCues';
import { stripMarkup } from './sanitize';

/**
 * Map step: the transcript is cut into chunks that fit the context
 * (measured with the model's tokenizer) and the model lists facts per
 * chunk, each citing segment ids. Ids are constrained by the grammar to the
 * chunk's own and checked again here; a fact whose words its segments do
 * not contain is dropped.
 */
export const EXTRACT_KINDS = [
  'reported',
  'intervention',
  'response',
  'risk',
  'safety_plan',
  'homework',
  'next_appointment',
  'progress',
] as const satisfies readonly FactKind[];

export const EXTRACT_SYSTEM =
  'You are a careful clinical scribe. You read part of a therapy session transcript. ' +
  'Each line starts with its segment id in brackets. You list the clinically important facts. ' +
  'Each fact has a kind, the ids of the lines that support it, and a short statement that ' +
  'uses words from those lines. You never add anything the lines do not say.';

export const EXTRACT_INSTRUCTIONS =
  'List the facts in this transcript part: what the client reported, interventions the clinician used, ' +
  "the client's response, risk statements and denials, safety planning, homework and the next appointment.";

const MAX_FACTS = 5;
export const EXTRACT_MAX_TOKENS = 300;
const MIN_GROUNDED = 0.25;

export interface ExtractResult {
  facts: Fact[];
  chunks: number;
  failedChunks: number;
}

export async function extractFacts(
  ctx: CallContext,
  segments: readonly Segment[],
): Promise<ExtractResult> {
  const lines = segments
    .filter((s) => s.text.trim())
    .map((s) => ({ id: s.id, line: renderLine(s) }));
  const budget = inputBudget(
    ctx.engine,
    EXTRACT_SYSTEM,
    EXTRACT_INSTRUCTIONS,
    Math.ceil(EXTRACT_MAX_TOKENS * RETRY_GROWTH),
  );
  const chunks = packChunks(lines, budget, (text) =>
    ctx.engine.countTokens(text),
  );
  ctx.onProgress?.({ stage: 'start', engine: 'llm', chunks: chunks.length });

  const byId = indexSegments(segments);
  const facts: Fact[] = [];
  let failedChunks = 0;
  for (const [i, chunk] of chunks.entries()) {
    ctx.onProgress?.({ stage: 'map', chunk: i + 1, chunks: chunks.length });
    const ids = chunk.map((c) => c.id);
    const prompt = `${chunk.map((c) => c.line).join('\n')}\n\n${EXTRACT_INSTRUCTIONS}`;
    const value = await callJson(ctx, {
      system: EXTRACT_SYSTEM,
      prompt,
      schema: extractSchema(ids),
      maxTokens: EXTRACT_MAX_TOKENS,
      purpose: 'extract',
    });
    if (value === undefined) failedChunks += 1;
    facts.push(...validateFacts(value, new Set(ids), byId));
  }
  return { facts, chunks: chunks.length, failedChunks };
}

export function renderLine(s: Segment): string {
  return `[${s.id}] ${s.role}: ${stripMarkup(s.text)}`;
}

/** Greedy packing of whole lines; a line longer than the budget is cut. */
export function packChunks<T extends { line: string }>(
  items: readonly T[],
  budget: number,
  count: (text: string) => number,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    let cost = count(item.line) + 1;
    if (cost > budget) {
      item.line = item.line.slice(
        0,
        Math.max(40, Math.floor((item.line.length * budget) / cost) - 8),
      );
      cost = count(item.line) + 1;
    }
    if (used + cost > budget && current.length > 0) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function extractSchema(ids: string[]): JsonSchema {
  return {
    type: 'object',
    properties: {
      facts: {
        type: 'array',
        minItems: ids.length >= 3 ? 1 : 0,
        maxItems: MAX_FACTS,
        items: {
          type: 'object',
          properties: {
            kind: { enum: [...EXTRACT_KINDS] },
            segmentIds: {
              type: 'array',
              items: { enum: ids },
              minItems: 1,
              maxItems: 3,
            },
            text: { type: 'string', maxLength: 140 },
          },
        },
      },
    },
  };
}

/**
 * Keeps a fact only when its ids are the chunk's, its kind fits the cited
 * segments, and its words are theirs; otherwise the fact is either dropped
 * (wrong kind, no ids) or restated as a quote of its segments (ungrounded).
 */
function validateFacts(
  value: unknown,
  allowed: ReadonlySet<string>,
  byId: Map<string, Segment>,
): Fact[] {
  const raw = (value as { facts?: unknown } | undefined)?.facts;
  if (!Array.isArray(raw)) return [];
  const facts: Fact[] = [];
  const seen = new Set<string>();
  for (const item of raw as {
    kind?: unknown;
    segmentIds?: unknown;
    text?: unknown;
  }[]) {
    const kind = EXTRACT_KINDS.find((k) => k === item.kind);
    const ids = Array.isArray(item.segmentIds)
      ? item.segmentIds.filter(
          (id): id is string => typeof id === 'string' && allowed.has(id),
        )
      : [];
    const evidence = evidenceFor(ids, byId);
    if (!kind || !evidence) continue;
    const cited = evidence.segmentIds
      .map((id) => byId.get(id))
      .filter((s): s is Segment => s !== undefined);
    const key = `${kind}:${evidence.segmentIds.join(',')}`;
    if (!plausibleKind(kind, cited) || seen.has(key)) continue;
    seen.add(key);

    const said = typeof item.text === 'string' ? stripMarkup(item.text) : '';
    const grounded =
      said.length >= 8 &&
      groundedness(said, cited.map((s) => s.text).join(' ')) >= MIN_GROUNDED;
    const text = grounded ? said : quotedStatement(kind, cited);
    facts.push({
      kind,
      text,
      evidence,
      origin: 'llm',
      ...(cited.some((s) => s.confidence < 0.6) ? { lowEvidence: true } : {}),
    });
  }
  return facts;
}
