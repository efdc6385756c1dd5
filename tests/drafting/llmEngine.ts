import { loadLlamaEngine } from '../../electron/core/llm/llamaEngine';
import type {
  LlmEngine,
  LlmRequest,
  LlmResult,
} from '../../electron/core/llm/LlmEngine';
import { llmModelPath } from '../../electron/core/models/fixtures';

/**
 * The real fixture model. Missing is a failure, not a skip: CI provisions it
 * with `npm run fixtures`, and these tests must run there.
 */
export function fixtureModel(): string {
  return llmModelPath();
}

// One thread: on a shared two-core machine llama.cpp's two worker threads
// wait on each other's time slices, measured here as several times slower.
export const TEST_THREADS = Number(process.env['HUSHNOTE_LLM_THREADS'] ?? 1);

/** The real fixture model (see fixtureModel). */
export async function testEngine(contextSize: number): Promise<LlmEngine> {
  return loadLlamaEngine({
    modelPath: fixtureModel(),
    threads: TEST_THREADS,
    contextSize,
    gpu: 'auto',
  });
}

/** One model call as the drafter made it, with its measured result. */
export interface RecordedCall {
  request: LlmRequest;
  result: LlmResult;
}

/** Wraps an engine to keep every call's request and measured result. */
export function recording(engine: LlmEngine): {
  engine: LlmEngine;
  results: LlmResult[];
  calls: RecordedCall[];
} {
  const results: LlmResult[] = [];
  const calls: RecordedCall[] = [];
  const wrapped: LlmEngine = {
    modelName: engine.modelName,
    contextSize: engine.contextSize,
    countTokens: (text) => engine.countTokens(text),
    complete: async (request: LlmRequest) => {
      const result = await engine.complete(request);
      results.push(result);
      calls.push({ request, result });
      return result;
    },
    dispose: () => engine.dispose(),
  };
  return { engine: wrapped, results, calls };
}
