import { AppError } from '../../contract/errors';
import { appendAudit } from '../audit/audit';
import type { Database } from '../store/database';
import { nowIso } from '../store/clock';
import { guarded } from '../store/sqliteErrors';

/**
 * How long a program keeps what a session produced. Audio is the most
 * sensitive and least needed once the note is signed; the transcript backs
 * the note's evidence links for a while, then goes. The signed note itself
 * follows the records-retention law of the state and is not handled here.
 */
export interface RetentionPolicy {
  /** A 42 CFR Part 2 program id, or `default` for everyone else. */
  programId: string;
  audioOnSign: 'delete' | 'keep';
  /** Days after signing that the transcript is kept; 0 removes it at the next sweep. */
  transcriptDays: number;
}

/** The product default: audio goes at signing, the transcript after 30 days. */
export const DEFAULT_POLICY: RetentionPolicy = {
  programId: 'default',
  audioOnSign: 'delete',
  transcriptDays: 30,
};

interface Row {
  program_id: string;
  audio_on_sign: 'delete' | 'keep';
  transcript_days: number;
}

/** Per-program retention policies; every change is audited. */
export class RetentionPolicies {
  constructor(private readonly db: Database) {}

  /** The program's policy, else the stored default, else DEFAULT_POLICY. */
  get(programId: string | null): RetentionPolicy {
    const row = (this.find(programId ?? 'default') ?? this.find('default')) as
      Row | undefined;
    if (!row) return DEFAULT_POLICY;
    return {
      programId: row.program_id,
      audioOnSign: row.audio_on_sign,
      transcriptDays: row.transcript_days,
    };
  }

  list(): RetentionPolicy[] {
    const rows = this.db
      .prepare('SELECT * FROM retention_policies ORDER BY program_id')
      .all() as Row[];
    return rows.map((r) => ({
      programId: r.program_id,
      audioOnSign: r.audio_on_sign,
      transcriptDays: r.transcript_days,
    }));
  }

  set(policy: RetentionPolicy, actor: string): void {
    if (!Number.isInteger(policy.transcriptDays) || policy.transcriptDays < 0) {
      throw new AppError(
        'invalid_request',
        'Transcript retention is a whole number of days.',
      );
    }
    const previous = this.get(policy.programId);
    guarded(() =>
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO retention_policies VALUES (?, ?, ?, ?, ?)
             ON CONFLICT(program_id) DO UPDATE SET audio_on_sign = excluded.audio_on_sign,
               transcript_days = excluded.transcript_days, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          )
          .run(
            policy.programId,
            policy.audioOnSign,
            policy.transcriptDays,
            nowIso(),
            actor,
          );
        appendAudit(this.db, {
          actor,
          action: 'policy_change',
          objectType: 'retention_policy',
          objectId: policy.programId,
          detail: {
            audioOnSign: policy.audioOnSign,
            transcriptDays: policy.transcriptDays,
            previousAudioOnSign: previous.audioOnSign,
            previousTranscriptDays: previous.transcriptDays,
          },
        });
      })(),
    );
  }

  /** The policy for a session: its client's Part 2 program, else the default. */
  forSession(sessionId: string): RetentionPolicy {
    const program = this.db
      .prepare(
        'SELECT c.part2_program FROM sessions s JOIN clients c ON c.id = s.client_id WHERE s.id = ?',
      )
      .pluck()
      .get(sessionId);
    return this.get(typeof program === 'string' ? program : null);
  }

  private find(programId: string): unknown {
    return this.db
      .prepare('SELECT * FROM retention_policies WHERE program_id = ?')
      .get(programId);
  }
}
