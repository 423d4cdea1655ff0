import type { KeyValueStore } from '../store.js';
import type { SyncClient } from './sync-client.js';

export class PostgresKeyValues implements KeyValueStore {
  constructor(private readonly sql: SyncClient) {}

  state(key: string): unknown {
    const row = this.sql.query<{ value: string }>('SELECT value FROM state WHERE key = $1', [key])[0];
    return row === undefined ? null : JSON.parse(row.value);
  }

  setState(key: string, value: unknown): void {
    this.sql.query('INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value ?? null)]);
  }

  deleteState(key: string): void {
    this.sql.query('DELETE FROM state WHERE key = $1', [key]);
  }

  artifact(taskId: string, kind: string): string {
    return this.sql.query<{ content: string }>('SELECT content FROM artifacts WHERE task_id = $1 AND kind = $2', [taskId, kind])[0]?.content ?? '';
  }

  artifactKinds(taskId: string): { kind: string; chars: number }[] {
    return this.sql.query<{ kind: string; chars: number }>('SELECT kind, length(content) AS chars FROM artifacts WHERE task_id = $1 ORDER BY kind', [taskId]);
  }

  appendToArtifact(taskId: string, kind: string, content: string): void {
    this.sql.query(
      'INSERT INTO artifacts (task_id, kind, content) VALUES ($1, $2, $3) ON CONFLICT (task_id, kind) DO UPDATE SET content = artifacts.content || excluded.content',
      [taskId, kind, content],
    );
  }
}
