import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  getLlama,
  LlamaChatSession,
  LlamaText,
  type GbnfJsonSchema,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaGrammar,
  type LlamaModel,
} from 'node-llama-cpp';
import { AppError } from '../../contract/errors';
import { log } from '../log/logger';
import type { JsonSchema, LlmEngine, LlmRequest, LlmResult } from './LlmEngine';

export interface LlamaEngineOptions {
  modelPath: string;
  /** Explicit: llama.cpp defaults to more threads than small machines have. */
  threads: number;
  contextSize: number;
  /** 'auto' uses a real GPU when present; software renderers are skipped. */
  gpu?: 'auto' | false;
}

/** Loads a GGUF model with node-llama-cpp (prebuilt binaries only). */
export async function loadLlamaEngine(
  options: LlamaEngineOptions,
): Promise<LlmEngine> {
  if (!existsSync(options.modelPath)) {
    throw new AppError(
      'model_missing',
      'The note-drafting model is not installed.',
    );
  }
  const llama = await pickBackend(options.gpu ?? 'auto');
  let model: LlamaModel;
  try {
    model = await llama.loadModel({ modelPath: options.modelPath });
  } catch (cause) {
    throw new AppError(
      'model_corrupt',
      'The note-drafting model could not be loaded.',
      { cause },
    );
  }
  const context = await model.createContext({
    threads: options.threads,
    contextSize: options.contextSize,
    sequences: 1,
  });
  log().info('llm.loaded', {
    gpu: String(llama.gpu),
    contextSize: context.contextSize,
    threads: options.threads,
  });
  return new LlamaEngine(
    llama,
    model,
    context,
    path.basename(options.modelPath),
  );
}

async function pickBackend(gpu: 'auto' | false): Promise<Llama> {
  const llama = await getLlama({ gpu, build: 'never' });
  if (llama.gpu === false) return llama;
  // A Vulkan device that is really a CPU rasterizer (llvmpipe) is far slower
  // than llama.cpp's own CPU path, so it does not count as a GPU.
  const names = await llama.getGpuDeviceNames();
  if (
    names.length > 0 &&
    names.every((n) => /llvmpipe|swiftshader|software/i.test(n))
  ) {
    await llama.dispose();
    return getLlama({ gpu: false, build: 'never' });
  }
  return llama;
}

class LlamaEngine implements LlmEngine {
  readonly contextSize: number;
  private readonly grammars = new Map<string, LlamaGrammar>();
  /**
   * One sequence for the engine's life. Each call starts a fresh chat on
   * it; node-llama-cpp keeps the evaluated tokens that match the new
   * prompt's start (system prompt, instructions, or the whole prompt on a
   * retry) and erases the rest, so a shared prefix is read once and no
   * earlier chunk's text stays in the context.
   */
  private readonly sequence: LlamaContextSequence;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    readonly modelName: string,
  ) {
    this.contextSize = context.contextSize;
    this.sequence = context.getSequence();
  }

  countTokens(text: string): number {
    return this.model.tokenize(text).length;
  }

  complete(request: LlmRequest): Promise<LlmResult> {
    // One sequence serves one call at a time.
    const run = this.queue.then(() => this.run(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(request: LlmRequest): Promise<LlmResult> {
    const sequence = this.sequence;
    const session = new LlamaChatSession({
      contextSequence: sequence,
      systemPrompt: request.system,
      autoDisposeSequence: false,
    });
    const started = performance.now();
    let firstTokenMs: number | null = null;
    let chunks = 0;
    try {
      const meta = await session.promptWithMeta(request.prompt, {
        grammar: await this.grammar(request.schema),
        maxTokens: request.maxTokens,
        temperature: 0,
        ...(request.signal ? { signal: request.signal } : {}),
        onTextChunk: () => {
          firstTokenMs ??= performance.now() - started;
          chunks += 1;
          request.onToken?.(chunks);
        },
      });
      const contextTokens = sequence.contextTokens.length;
      const text = meta.responseText;
      return {
        text,
        finish: meta.stopReason === 'maxTokens' ? 'length' : 'stop',
        contextTokens,
        outputTokens: this.countTokens(text),
        firstTokenMs,
        totalMs: performance.now() - started,
      };
    } catch (cause) {
      if (request.signal?.aborted)
        throw new AppError('cancelled', 'Drafting was cancelled.', { cause });
      throw new AppError('internal', 'The note-drafting model failed.', {
        cause,
      });
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  private async grammar(schema: JsonSchema): Promise<LlamaGrammar> {
    const key = JSON.stringify(schema);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      // The drafter builds schemas from node-llama-cpp's JSON subset; the
      // library's generic wants a literal type we cannot name at runtime.
      const typed = schema as Readonly<{ type: 'object' }> & GbnfJsonSchema;
      const pretty = await this.llama.createGrammarForJsonSchema(typed);
      grammar = await this.llama.createGrammar({
        grammar: compactJson(pretty.grammar),
        stopGenerationTriggers: [LlamaText(['\n'.repeat(4)])],
        trimWhitespaceSuffix: true,
      });
      if (this.grammars.size > 64) this.grammars.clear();
      this.grammars.set(key, grammar);
    }
    return grammar;
  }

  async dispose(): Promise<void> {
    await this.queue;
    await this.sequence.dispose();
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }
}

/**
 * node-llama-cpp's JSON grammar lets the model indent with a newline and
 * one space token per column; a small model takes that path and spends
 * most of its output on whitespace (measured: 300 tokens generated for 106
 * of JSON). Whitespace rules become a single optional space.
 */
function compactJson(grammar: string): string {
  return grammar
    .split('\n')
    .map((line) =>
      line
        .replace(/^(comma-whitespace-\S+ ::= ).*$/, '$1"," [ ]?')
        .replace(/^(whitespace-\S+ ::= ).*$/, '$1[ ]?'),
    )
    .join('\n');
}
