import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';

/** A measurable treatment-plan goal that notes report progress against. */
export interface TreatmentGoal {
  id: string;
  clientId: string;
  text: string;
  status: 'active' | 'met' | 'discontinued';
  targetDate: string | null;
}

interface Row {
  id: string;
  client_id: string;
  text: string;
  status: TreatmentGoal['status'];
  target_date: string | null;
}

export class TreatmentGoalsRepository {
  constructor(private readonly db: Database) {}

  add(input: {
    id?: string;
    clientId: string;
    text: string;
    targetDate?: string;
  }): TreatmentGoal {
    const id = input.id ?? newId();
    const now = nowIso();
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO treatment_goals VALUES (?, ?, ?, 'active', ?, ?, ?)`,
        )
        .run(
          id,
          input.clientId,
          input.text,
          input.targetDate ?? null,
          now,
          now,
        ),
    );
    return this.forClient(input.clientId).find(
      (g) => g.id === id,
    ) as TreatmentGoal;
  }

  setStatus(id: string, status: TreatmentGoal['status']): void {
    guarded(() =>
      this.db
        .prepare(
          'UPDATE treatment_goals SET status = ?, updated_at = ? WHERE id = ?',
        )
        .run(status, nowIso(), id),
    );
  }

  forClient(clientId: string, onlyActive = false): TreatmentGoal[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM treatment_goals WHERE client_id = ? AND (? = 0 OR status = 'active') ORDER BY created_at`,
      )
      .all(clientId, onlyActive ? 1 : 0) as Row[];
    return rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      text: r.text,
      status: r.status,
      targetDate: r.target_date,
    }));
  }
}
