/**
 * A local language model behind one seam. Every completion is constrained
 * by a JSON schema (compiled to a grammar), so what comes back always
 * parses unless it was cut short; `finish: 'length'` says it was.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface LlmRequest {
  system: string;
  prompt: string;
  /** JSON schema the output must follow (node-llama-cpp GBNF subset). */
  schema: JsonSchema;
  maxTokens: number;
  signal?: AbortSignal;
  /** Called as output arrives with the running count of output tokens. */
  onToken?: (outputTokens: number) => void;
  /** What the call is for (`extract`, `compose`); logged, never the text. */
  purpose: string;
}

export interface LlmResult {
  text: string;
  /** `length`: the token limit cut the output; it must not be used. */
  finish: 'stop' | 'length';
  /** Tokens in the context after the call: system + prompt + output, measured. */
  contextTokens: number;
  outputTokens: number;
  firstTokenMs: number | null;
  totalMs: number;
}

export interface LlmEngine {
  /** The model file's name, recorded in the draft and its Provenance. */
  readonly modelName: string;
  readonly contextSize: number;
  /** Tokens the model's own tokenizer gives for `text`. */
  countTokens(text: string): number;
  /** Throws AppError('cancelled') when `signal` aborts. */
  complete(request: LlmRequest): Promise<LlmResult>;
  dispose(): Promise<void>;
}
