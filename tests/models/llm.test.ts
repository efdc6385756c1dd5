import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { llmModelPath } from '../../electron/core/models/fixtures';

type NodeLlamaCpp = typeof import('node-llama-cpp');
type Llama = Awaited<ReturnType<NodeLlamaCpp['getLlama']>>;
type LlamaModel = Awaited<ReturnType<Llama['loadModel']>>;

// The real instruct GGUF (`npm run fixtures`, or HUSHNOTE_LLM_MODEL) drafting
// a note under a JSON-schema grammar, the way note drafting will call it.
const NOTE_SCHEMA = {
  type: 'object',
  properties: {
    subjective: { type: 'string', minLength: 1, maxLength: 300 },
    objective: { type: 'string', minLength: 1, maxLength: 300 },
    assessment: { type: 'string', minLength: 1, maxLength: 300 },
    plan: { type: 'string', minLength: 1, maxLength: 300 },
    riskLevel: { enum: ['none', 'low', 'moderate', 'high'] },
    followUpDays: { type: 'integer' },
  },
  required: [
    'subjective',
    'objective',
    'assessment',
    'plan',
    'riskLevel',
    'followUpDays',
  ],
} as const;

/** The same contract in zod: validates what the model produced, independently. */
const Note = z.strictObject({
  subjective: z.string().min(1).max(300),
  objective: z.string().min(1).max(300),
  assessment: z.string().min(1).max(300),
  plan: z.string().min(1).max(300),
  riskLevel: z.enum(['none', 'low', 'moderate', 'high']),
  followUpDays: z.number().int(),
});

const PROMPT = [
  'Draft a SOAP progress note for this therapy session as JSON.',
  'Transcript:',
  'Clinician: How have you been sleeping since last week?',
  'Client: Badly. I keep worrying about work and wake up at 3 am.',
  'Clinician: Let us practise the breathing exercise, then try it each night.',
  'Client: Okay. I have no thoughts of hurting myself.',
  'Clinician: Good. We will meet again in one week.',
].join('\n');

let llama: Llama;
let model: LlamaModel;

beforeAll(async () => {
  const { getLlama } = await import('node-llama-cpp');
  llama = await getLlama({ gpu: false, build: 'never' });
  model = await llama.loadModel({ modelPath: llmModelPath() });
});

afterAll(async () => {
  await model.dispose();
  await llama.dispose();
});

describe('LLM fixture', () => {
  it('drafts schema-valid JSON under a JSON-schema grammar', async () => {
    const { LlamaChatSession } = await import('node-llama-cpp');
    // One thread, explicitly: node-llama-cpp's default (4) oversubscribes a
    // 2-core machine, and llama.cpp's spinning workers make even 2 threads
    // several times slower than 1 when other jobs share the cores.
    const context = await model.createContext({
      threads: 1,
      contextSize: 2048,
    });
    const session = new LlamaChatSession({
      contextSequence: context.getSequence(),
    });
    const grammar = await llama.createGrammarForJsonSchema(NOTE_SCHEMA);

    const text = await session.prompt(PROMPT, {
      grammar,
      maxTokens: 600,
      temperature: 0,
    });
    await context.dispose();

    const parsed: unknown = JSON.parse(text);
    const note = Note.parse(parsed);
    expect(grammar.parse(text)).toEqual(note);
    expect(note.plan.trim().length).toBeGreaterThan(0);
  });
});
