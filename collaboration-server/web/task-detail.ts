/** What `GET /api/tasks/:id` answers: the page's task view reads it too, so it is a type of its own. */
import type { Task, TaskEvent } from '../protocol.js';

export interface TaskDetail {
  task: Task;
  events: TaskEvent[];
  notes: string[];
  /** each artifact kind the task has (an --exec agent's `log`), its end at most ARTIFACT_TAIL_CHARS long */
  artifacts: { kind: string; chars: number; content: string; truncated: boolean }[];
}
