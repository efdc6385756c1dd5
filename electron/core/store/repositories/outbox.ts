import { AppError } from '../../../contract/errors';
import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';

export type OutboxStatus = 'pending' | 'in_flight' | 'delivered' | 'failed';

/** One message to a connector (EHR push, claim submission), delivered at least once. */
export interface OutboxItem {
  id: string;
  connectorId: string;
  idempotencyKey: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

interface Row {
  id: string;
  connector_id: string;
  idempotency_key: string;
  payload_json: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

/**
 * The connector outbox table. Delivery policy (backoff, retry limits) lives
 * in electron/core/outbox; this repository only moves rows between states,
 * each in one statement so two workers never claim the same item.
 */
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** Adds an item; the same idempotency key returns the existing item unchanged. */
  enqueue(input: {
    connectorId: string;
    idempotencyKey: string;
    payload: unknown;
    at?: string;
  }): OutboxItem {
    const at = input.at ?? nowIso();
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO connector_outbox (id, connector_id, idempotency_key, payload_json, status, attempts,
             next_attempt_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING`,
        )
        .run(
          newId(),
          input.connectorId,
          input.idempotencyKey,
          JSON.stringify(input.payload),
          at,
          at,
          at,
        ),
    );
    const row = this.db
      .prepare('SELECT * FROM connector_outbox WHERE idempotency_key = ?')
      .get(input.idempotencyKey);
    return toItem(row as Row);
  }

  /**
   * Claims every pending item due at `now` (optionally one connector's),
   * marking them in_flight and counting the attempt.
   */
  claimDue(
    now: string = nowIso(),
    options: { connectorId?: string; limit?: number } = {},
  ): OutboxItem[] {
    const rows = guarded(() =>
      this.db
        .prepare(
          `UPDATE connector_outbox SET status = 'in_flight', attempts = attempts + 1, updated_at = @now
           WHERE id IN (SELECT id FROM connector_outbox WHERE status = 'pending' AND next_attempt_at <= @now
             AND (@connectorId IS NULL OR connector_id = @connectorId) ORDER BY next_attempt_at LIMIT @limit)
           RETURNING *`,
        )
        .all({
          now,
          connectorId: options.connectorId ?? null,
          limit: options.limit ?? 50,
        }),
    ) as Row[];
    return rows
      .map(toItem)
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
  }

  markDelivered(id: string, at: string = nowIso()): OutboxItem {
    return this.transition(
      id,
      `status = 'delivered', delivered_at = @at, last_error = NULL`,
      { at },
    );
  }

  /** Back to pending, to be claimed again at `nextAt`. */
  markRetry(
    id: string,
    nextAt: string,
    error: string,
    at: string = nowIso(),
  ): OutboxItem {
    return this.transition(
      id,
      `status = 'pending', next_attempt_at = @nextAt, last_error = @error`,
      { at, nextAt, error },
    );
  }

  /** Gives up: the item stays visible for a person to resolve. */
  markFailed(id: string, error: string, at: string = nowIso()): OutboxItem {
    return this.transition(id, `status = 'failed', last_error = @error`, {
      at,
      error,
    });
  }

  /** In-flight items left by a crash go back to pending (call on start). */
  releaseInFlight(at: string = nowIso()): number {
    const sql = `UPDATE connector_outbox SET status = 'pending', updated_at = ? WHERE status = 'in_flight'`;
    return guarded(() => this.db.prepare(sql).run(at)).changes;
  }

  get(id: string): OutboxItem | null {
    const row = this.db
      .prepare('SELECT * FROM connector_outbox WHERE id = ?')
      .get(id) as Row | undefined;
    return row ? toItem(row) : null;
  }

  list(status?: OutboxStatus): OutboxItem[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM connector_outbox WHERE (? IS NULL OR status = ?) ORDER BY created_at',
      )
      .all(status ?? null, status ?? null) as Row[];
    return rows.map(toItem);
  }

  private transition(
    id: string,
    set: string,
    params: Record<string, string>,
  ): OutboxItem {
    // `set` is one of the fixed clauses above, never caller text.
    const result = guarded(() =>
      this.db
        .prepare(
          `UPDATE connector_outbox SET ${set}, updated_at = @at WHERE id = @id`,
        )
        .run({ ...params, id }),
    );
    if (result.changes === 0)
      throw new AppError('not_found', 'No such outbox item.');
    return this.get(id) as OutboxItem;
  }
}

function toItem(row: Row): OutboxItem {
  return {
    id: row.id,
    connectorId: row.connector_id,
    idempotencyKey: row.idempotency_key,
    payload: JSON.parse(row.payload_json) as unknown,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deliveredAt: row.delivered_at,
  };
}
