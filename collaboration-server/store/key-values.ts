import type { Db } from './database.js';

/** Small named documents: the lead's planning session, task artifacts such as an agent's log. */
export class KeyValues {
  private readonly getState;
  private readonly putState;
  private readonly getArtifact;
  private readonly appendArtifact;

  constructor(db: Db) {
    this.getState = db.prepare('SELECT value FROM state WHERE key = ?').pluck();
    this.putState = db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.getArtifact = db.prepare('SELECT content FROM artifacts WHERE task_id = ? AND kind = ?').pluck();
    this.appendArtifact = db.prepare(
      'INSERT INTO artifacts (task_id, kind, content) VALUES (?, ?, ?) ON CONFLICT(task_id, kind) DO UPDATE SET content = content || excluded.content',
    );
  }

  state(key: string): unknown {
    const value = this.getState.get(key) as string | undefined;
    return value === undefined ? null : JSON.parse(value);
  }

  setState(key: string, value: unknown): void {
    this.putState.run(key, JSON.stringify(value ?? null));
  }

  artifact(taskId: string, kind: string): string {
    return (this.getArtifact.get(taskId, kind) as string | undefined) ?? '';
  }

  appendToArtifact(taskId: string, kind: string, content: string): void {
    this.appendArtifact.run(taskId, kind, content);
  }
}
