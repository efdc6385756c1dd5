import { isAppError } from '../../electron/contract/errors';
import { FakeLlm } from '../../electron/core/llm/fakeLlm';
import { loadLlamaEngine } from '../../electron/core/llm/llamaEngine';
import type { LlmEngine, LlmRequest, LlmResult } from '../../electron/core/llm/LlmEngine';
import { llmModelPath } from '../../electron/core/models/fixtures';

/** The provisioned fixture model's path, or undefined when not provisioned. */
export function fixtureModel(): string | undefined {
  try {
    return llmModelPath();
  } catch (error) {
    if (isAppError(error) && (error.kind === 'model_missing' || error.kind === 'model_corrupt')) return undefined;
    throw error;
  }
}

// One thread: on a shared two-core machine llama.cpp's two worker threads
// wait on each other's time slices, measured here as several times slower.
export const TEST_THREADS = Number(process.env['HUSHNOTE_LLM_THREADS'] ?? 1);

/** The real model when provisioned, else the deterministic fake. */
export async function testEngine(contextSize: number): Promise<LlmEngine> {
  const modelPath = fixtureModel();
  if (!modelPath) return new FakeLlm({ contextSize });
  return loadLlamaEngine({ modelPath, threads: TEST_THREADS, contextSize, gpu: 'auto' });
}

/** Wraps an engine to keep every call's measured result. */
export function recording(engine: LlmEngine): { engine: LlmEngine; results: LlmResult[] } {
  const results: LlmResult[] = [];
  const wrapped: LlmEngine = {
    modelName: engine.modelName,
    contextSize: engine.contextSize,
    countTokens: (text) => engine.countTokens(text),
    complete: async (request: LlmRequest) => {
      const result = await engine.complete(request);
      results.push(result);
      return result;
    },
    dispose: () => engine.dispose(),
  };
  return { engine: wrapped, results };
}
