import { log } from '../log/logger';
import type { JsonSchema, LlmEngine, LlmResult } from '../llm/LlmEngine';
import type { DraftProgress, LlmStats } from './types';

/** Tokens the chat template adds around system and user turns. */
export const CHAT_OVERHEAD_TOKENS = 64;

export interface CallContext {
  engine: LlmEngine;
  stats: LlmStats;
  onProgress?: (event: DraftProgress) => void;
  signal?: AbortSignal;
}

/**
 * Tokens left for input once the system prompt, the instructions, the
 * output allowance and the chat template's overhead are set aside.
 */
export function inputBudget(
  engine: LlmEngine,
  system: string,
  instructions: string,
  maxTokens: number,
): number {
  return (
    engine.contextSize -
    engine.countTokens(system) -
    engine.countTokens(instructions) -
    maxTokens -
    CHAT_OVERHEAD_TOKENS
  );
}

/**
 * One grammar-constrained call, redone once with more room when the output
 * was cut or did not parse. Returns the parsed value, or undefined when
 * both tries failed: cut output is never used.
 */
export async function callJson(
  ctx: CallContext,
  call: {
    system: string;
    prompt: string;
    schema: JsonSchema;
    maxTokens: number;
    purpose: string;
  },
): Promise<unknown> {
  let maxTokens = call.maxTokens;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const result = await ctx.engine.complete({
      ...call,
      maxTokens,
      onToken: (n) =>
        ctx.onProgress?.({
          stage: 'token',
          tokens: ctx.stats.outputTokens + n,
        }),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    record(ctx.stats, result);
    const parsed =
      result.finish === 'stop' ? parseJson(result.text) : undefined;
    if (parsed !== undefined) return parsed;

    const reason = result.finish === 'length' ? 'truncated' : 'invalid';
    log().warn('draft.llm_retry', { purpose: call.purpose, attempt, reason });
    ctx.onProgress?.({ stage: 'retry', reason });
    maxTokens = Math.round(maxTokens * RETRY_GROWTH);
  }
  ctx.stats.failedCalls += 1;
  return undefined;
}

/** The retry gets this much more output room; budgets reserve it up front. */
export const RETRY_GROWTH = 1.5;

function record(stats: LlmStats, result: LlmResult): void {
  stats.calls += 1;
  stats.outputTokens += result.outputTokens;
  stats.maxContextTokens = Math.max(
    stats.maxContextTokens,
    result.contextTokens,
  );
  stats.llmMs += result.totalMs;
  stats.promptMs += result.firstTokenMs ?? 0;
  if (stats.firstTokenMs === null && result.firstTokenMs !== null)
    stats.firstTokenMs = stats.llmMs - result.totalMs + result.firstTokenMs;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function emptyStats(contextSize: number): LlmStats {
  return {
    calls: 0,
    failedCalls: 0,
    outputTokens: 0,
    maxContextTokens: 0,
    contextSize,
    firstTokenMs: null,
    promptMs: 0,
    llmMs: 0,
  };
}
