import type { Database } from '../database';
import { nowIso } from '../clock';
import { guarded } from '../sqliteErrors';

/** App settings as JSON values by key (model choice, connector config ids, ...). */
export class SettingsRepository {
  constructor(private readonly db: Database) {}

  /** The stored JSON value; callers validate its shape. */
  get(key: string): unknown {
    const json = this.db
      .prepare('SELECT value_json FROM settings WHERE key = ?')
      .pluck()
      .get(key);
    return typeof json === 'string' ? (JSON.parse(json) as unknown) : null;
  }

  set(key: string, value: unknown): void {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO settings VALUES (?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
        )
        .run(key, JSON.stringify(value), nowIso()),
    );
  }

  delete(key: string): void {
    guarded(() =>
      this.db.prepare('DELETE FROM settings WHERE key = ?').run(key),
    );
  }
}
