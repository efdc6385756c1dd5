import { z } from 'zod';

/**
 * Practice settings and speech models (issue #10 Settings, issue #12
 * roles): changes need an administrator or the practice owner.
 */

/** 48 MiB of base64 keeps the JSON body under the bridge's 64 MiB limit. */
const MAX_BASE64 = 48 * 1024 * 1024;

export const retentionSchema = z
  .object({
    /** Days after signing the transcript is kept; 0 removes it at the next sweep. */
    transcriptDays: z.number().int().min(0).max(3650),
    audioOnSign: z.enum(['delete', 'keep']),
  })
  .strict();

export const modelEnsureSchema = z
  .object({ name: z.string().min(1).max(100) })
  .strict();

/** Stops a running download; the part kept so far resumes next time. */
export const modelCancelSchema = z
  .object({ name: z.string().min(1).max(100) })
  .strict();

export const modelImportSchema = z
  .object({
    fileName: z.string().min(1).max(255),
    base64: z.string().min(4).max(MAX_BASE64),
  })
  .strict();

export interface RetentionView {
  transcriptDays: number;
  audioOnSign: 'delete' | 'keep';
}

export interface ModelImportedView {
  /** The manifest model whose checksum the file matches, if any. */
  matched: string | null;
  sha256: string;
}

/** What `ehr:test` found: the configured connector answered, or why not. */
export interface ConnectionTestView {
  /** The connector's name, or `none` when no EHR is configured. */
  connector: string;
  ok: boolean;
  /** The EHR's failure kind; null when it answered or none is configured. */
  kind: 'ehr_unreachable' | 'ehr_auth_expired' | 'ehr_rejected' | null;
  /** Safe to show: what answered, or what went wrong. */
  message: string;
}
