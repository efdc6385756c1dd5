import { z } from 'zod';
import { APPOINTMENT_FIELDS } from './types';

/**
 * The Draft shape as a zod schema: for checking drafts that cross a
 * boundary (IPC, files) and, in tests, what the model path produced.
 */
const evidenceSchema = z.union([
  z.object({
    segmentIds: z.array(z.string().min(1)).min(1),
    start: z.number().nonnegative(),
    end: z.number().nonnegative(),
  }),
  z.object({ appointment: z.enum(APPOINTMENT_FIELDS) }),
]);

export const draftSchema = z.object({
  format: z.string().min(1),
  engine: z.enum(['llm', 'rules']),
  model: z.string().optional(),
  noContent: z.boolean().optional(),
  incomplete: z.boolean().optional(),
  fallbackReason: z.string().optional(),
  sections: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().min(1),
      sentences: z.array(
        z.object({
          id: z.string().min(1),
          text: z.string().min(1),
          kind: z.string().optional(),
          evidence: evidenceSchema,
          lowEvidence: z.boolean().optional(),
        }),
      ),
    }),
  ),
  stats: z
    .object({
      calls: z.number().int(),
      failedCalls: z.number().int(),
      outputTokens: z.number().int(),
      maxContextTokens: z.number().int(),
      contextSize: z.number().int(),
      firstTokenMs: z.number().nullable(),
      promptMs: z.number(),
      llmMs: z.number(),
    })
    .optional(),
});
