import type { Segment } from '../domain/transcript';
import type { JsonSchema } from '../llm/LlmEngine';
import { evidenceFor, groundedness, indexSegments } from './evidence';
import type { Fact } from './facts';
import {
  callJson,
  inputBudget,
  RETRY_GROWTH,
  type CallContext,
} from './llmCall';
import { packChunks } from './llmExtract';
import { stripMarkup } from './sanitize';
import type { NoteTemplate, TemplateSection } from './templates';
import { isSegmentEvidence } from './types';

/**
 * Reduce step: per template section, the model writes sentences from the
 * extracted facts, citing fact numbers; a sentence inherits the evidence of
 * the facts it cites. Facts that do not fit one call are composed in
 * batches, so the context is never exceeded however long the session.
 */
export const COMPOSE_SYSTEM =
  'You are a careful clinical scribe writing a behavioral-health progress note. ' +
  'You turn numbered facts into short, plain, third-person sentences. ' +
  'Each sentence cites the numbers of the facts it states. You never add anything the facts do not say.';

export const COMPOSE_MAX_TOKENS = 320;
const MIN_GROUNDED = 0.34;

export async function composeSections(
  ctx: CallContext,
  template: NoteTemplate,
  facts: readonly Fact[],
  segments: readonly Segment[],
): Promise<Fact[]> {
  ctx.onProgress?.({ stage: 'reduce' });
  const byId = indexSegments(segments);
  const out: Fact[] = [];
  for (const section of template.sections) {
    const mine = facts.filter(
      (f) => f.origin === 'llm' && section.kinds.includes(f.kind),
    );
    // One fact is already one sentence; a model call would only restate it.
    if (mine.length < 2) continue;
    const instructions = composeInstructions(template, section);
    const budget = inputBudget(
      ctx.engine,
      COMPOSE_SYSTEM,
      instructions,
      Math.ceil(COMPOSE_MAX_TOKENS * RETRY_GROWTH),
    );
    const numbered = mine.map((fact, i) => ({
      fact,
      key: `F${i + 1}`,
      line: `F${i + 1} [${fact.kind}] ${fact.text}`,
    }));
    for (const batch of packChunks(numbered, budget, (t) =>
      ctx.engine.countTokens(t),
    )) {
      const prompt = `${batch.map((b) => b.line).join('\n')}\n\n${instructions}`;
      const value = await callJson(ctx, {
        system: COMPOSE_SYSTEM,
        prompt,
        schema: composeSchema(batch.map((b) => b.key)),
        maxTokens: COMPOSE_MAX_TOKENS,
        purpose: 'compose',
      });
      out.push(
        ...validateSentences(
          value,
          new Map(batch.map((b) => [b.key, b.fact])),
          byId,
        ),
      );
    }
  }
  return out;
}

function composeInstructions(
  template: NoteTemplate,
  section: TemplateSection,
): string {
  return `Write the ${section.title} section of a ${template.name} progress note. It holds: ${section.guidance}`;
}

function composeSchema(keys: string[]): JsonSchema {
  return {
    type: 'object',
    properties: {
      sentences: {
        type: 'array',
        minItems: 1,
        maxItems: Math.min(6, keys.length),
        items: {
          type: 'object',
          properties: {
            text: { type: 'string', maxLength: 180 },
            facts: {
              type: 'array',
              items: { enum: keys },
              minItems: 1,
              maxItems: 3,
            },
          },
        },
      },
    },
  };
}

function validateSentences(
  value: unknown,
  byKey: Map<string, Fact>,
  byId: Map<string, Segment>,
): Fact[] {
  const raw = (value as { sentences?: unknown } | undefined)?.sentences;
  if (!Array.isArray(raw)) return [];
  const out: Fact[] = [];
  for (const item of raw as { text?: unknown; facts?: unknown }[]) {
    const cited = (Array.isArray(item.facts) ? item.facts : [])
      .map((k) => byKey.get(String(k)))
      .filter((f): f is Fact => f !== undefined);
    const text = typeof item.text === 'string' ? stripMarkup(item.text) : '';
    const ids = cited.flatMap((f) =>
      isSegmentEvidence(f.evidence) ? f.evidence.segmentIds : [],
    );
    const evidence = evidenceFor(ids, byId);
    const first = cited[0];
    if (!first || !evidence || text.length < 8) continue;

    const source = [
      ...cited.map((f) => f.text),
      ...evidence.segmentIds.map((id) => byId.get(id)?.text ?? ''),
    ].join(' ');
    const score = groundedness(text, source);
    if (score < MIN_GROUNDED) continue;
    out.push({
      kind: first.kind,
      text,
      evidence,
      origin: 'llm',
      ...(score < 0.6 ? { lowEvidence: true } : {}),
    });
  }
  return out;
}
