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
 * chunk, each citing lines. Lines carry short per-chunk numbers, mapped
 * back to segment ids here; the grammar allows only the chunk's own
 * numbers. A fact whose words its segments do not contain is restated as
 * a quote or dropped.
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
/** Bounds each map step's output: five facts of at most 140 characters. */
export const EXTRACT_MAX_TOKENS = 300;
/**
 * Transcript tokens per map step, at most. Attention makes each token dearer
 * the further into the context it sits (SmolLM2-135M on one CPU thread,
 * measured: 1000 tokens cost 8.6 s at positions 0-1k and 20 s at 3k-4k), so
 * chunks that fill a 4k context read a long session about a third slower
 * than chunks of this size; the prompt prefix is reused across calls.
 */
export const MAP_CHUNK_TOKENS = 1536;
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
  const spoken = segments.filter((s) => s.text.trim());
  const budget = Math.min(
    MAP_CHUNK_TOKENS,
    inputBudget(
      ctx.engine,
      EXTRACT_SYSTEM,
      EXTRACT_INSTRUCTIONS,
      Math.ceil(EXTRACT_MAX_TOKENS * RETRY_GROWTH),
    ),
  );
  const chunks = chunkLines(spoken, budget, (text) =>
    ctx.engine.countTokens(text),
  );
  ctx.onProgress?.({ stage: 'start', engine: 'llm', chunks: chunks.length });

  const byId = indexSegments(segments);
  const facts: Fact[] = [];
  let failedChunks = 0;
  for (const [i, chunk] of chunks.entries()) {
    ctx.onProgress?.({ stage: 'map', chunk: i + 1, chunks: chunks.length });
    const prompt = `${chunk.map((c) => c.line).join('\n')}\n\n${EXTRACT_INSTRUCTIONS}`;
    const value = await callJson(ctx, {
      system: EXTRACT_SYSTEM,
      prompt,
      schema: extractSchema(chunk.map((c) => c.ref)),
      maxTokens: EXTRACT_MAX_TOKENS,
      purpose: 'extract',
    });
    if (value === undefined) failedChunks += 1;
    const refs = new Map(chunk.map((c) => [c.ref, c.id]));
    facts.push(...validateFacts(value, refs, byId));
  }
  return { facts, chunks: chunks.length, failedChunks };
}

interface ChunkLine {
  /** The line's number within its chunk, as the model cites it. */
  ref: string;
  /** The segment id the number stands for. */
  id: string;
  line: string;
}

/**
 * Packs lines into chunks and numbers them from 1 within each chunk: a
 * one- or two-token number in place of a segment id saves a few tokens on
 * every line of the transcript.
 */
function chunkLines(
  segments: readonly Segment[],
  budget: number,
  count: (text: string) => number,
): ChunkLine[][] {
  // Numbers up to 3 digits cost no more than this placeholder.
  const items = segments.map((s) => ({ id: s.id, line: renderLine(s, '999') }));
  return packChunks(items, budget, count).map((chunk) =>
    chunk.map((item, i) => {
      const ref = String(i + 1);
      return { ref, id: item.id, line: `[${ref}]${item.line.slice(5)}` };
    }),
  );
}

export function renderLine(s: Segment, ref: string = s.id): string {
  return `[${ref}] ${s.role}: ${stripMarkup(s.text)}`;
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
  refs: ReadonlyMap<string, string>,
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
      ? item.segmentIds.flatMap((ref) => {
          const id = refs.get(String(ref));
          return id === undefined ? [] : [id];
        })
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
