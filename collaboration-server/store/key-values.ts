import type { Db } from './database.js';

/** Small named documents: the lead's planning session, task artifacts such as an agent's log. */
export class KeyValues {
  private readonly getState;
  private readonly putState;
  private readonly dropState;
  private readonly getArtifact;
  private readonly appendArtifact;
  private readonly artifactsOf;

  constructor(db: Db) {
    this.getState = db.prepare('SELECT value FROM state WHERE key = ?').pluck();
    this.putState = db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.dropState = db.prepare('DELETE FROM state WHERE key = ?');
    this.getArtifact = db.prepare('SELECT content FROM artifacts WHERE task_id = ? AND kind = ?').pluck();
    this.artifactsOf = db.prepare('SELECT kind, length(content) AS chars FROM artifacts WHERE task_id = ? ORDER BY kind');
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

  deleteState(key: string): void {
    this.dropState.run(key);
  }

  artifact(taskId: string, kind: string): string {
    return (this.getArtifact.get(taskId, kind) as string | undefined) ?? '';
  }

  /** The kinds of artifact a task has, with their length in characters. */
  artifactKinds(taskId: string): { kind: string; chars: number }[] {
    return this.artifactsOf.all(taskId) as { kind: string; chars: number }[];
  }

  appendToArtifact(taskId: string, kind: string, content: string): void {
    this.appendArtifact.run(taskId, kind, content);
  }
}
