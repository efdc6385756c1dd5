import { AppError } from '../../contract/errors';
import type { LlmEngine, LlmRequest, LlmResult } from './LlmEngine';

/**
 * A deterministic stand-in for the model, for UI work and fast tests. By
 * default it answers `extract` calls with one fact per transcript line and
 * `compose` calls with one sentence per fact; `respond` overrides that, and
 * a reply longer than maxTokens comes back cut, marked `length`.
 */
export interface FakeLlmOptions {
  contextSize?: number;
  respond?: (request: LlmRequest, call: number) => string;
}

export class FakeLlm implements LlmEngine {
  readonly modelName = 'fake-llm';
  readonly contextSize: number;
  readonly requests: LlmRequest[] = [];
  private readonly respond: (request: LlmRequest, call: number) => string;

  constructor(options: FakeLlmOptions = {}) {
    this.contextSize = options.contextSize ?? 2048;
    this.respond = options.respond ?? defaultRespond;
  }

  /** About four characters a token, like small BPE vocabularies. */
  countTokens(text: string): number {
    return Math.ceil(text.length / 4);
  }

  complete(request: LlmRequest): Promise<LlmResult> {
    if (request.signal?.aborted)
      return Promise.reject(
        new AppError('cancelled', 'Drafting was cancelled.'),
      );
    this.requests.push(request);
    const full = this.respond(request, this.requests.length);
    const cut = this.countTokens(full) > request.maxTokens;
    const text = cut ? full.slice(0, request.maxTokens * 4) : full;
    const outputTokens = this.countTokens(text);
    request.onToken?.(outputTokens);
    const contextTokens =
      this.countTokens(request.system) +
      this.countTokens(request.prompt) +
      outputTokens;
    return Promise.resolve({
      text,
      finish: cut ? 'length' : 'stop',
      contextTokens,
      outputTokens,
      firstTokenMs: 0,
      totalMs: 0,
    });
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }
}

const LINE = /^\[([^\]]+)\] (clinician|client|unknown): (.*)$/;
const FACT = /^(F\d+) \[([a-z_]+)\] (.*)$/;

function defaultRespond(request: LlmRequest): string {
  const lines = request.prompt.split('\n');
  if (request.purpose === 'extract') {
    const facts = lines.flatMap((line) => {
      const m = LINE.exec(line);
      if (!m?.[1] || !m[3]) return [];
      return [
        {
          kind: m[2] === 'client' ? 'reported' : 'intervention',
          segmentIds: [m[1]],
          text: m[3],
        },
      ];
    });
    return JSON.stringify({ facts });
  }
  const sentences = lines.flatMap((line) => {
    const m = FACT.exec(line);
    return m?.[1] && m[3] ? [{ text: m[3], facts: [m[1]] }] : [];
  });
  return JSON.stringify({ sentences });
}
