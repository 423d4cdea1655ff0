/**
 * The judgement on a task that has gone quiet: what to ask its assignee. Asked only once the task's
 * silence passed its threshold (progress-checks.ts keeps that hard signal), so a judgement can shape
 * the question but never make the lead nag a task that is moving.
 */
import type { Task } from '../../collaboration-server/protocol.js';

export interface QuietTaskRequest {
  task: Task;
  silentMinutes: number;
}

export interface QuietJudgement {
  /** false: leave the task alone this time */
  check: boolean;
  questions: string[];
}

const QUESTIONS = ['Are you blocked on something?', 'Do you need any information from me or the product owner?', 'Should we split this task into smaller ones?'];

export function judgeQuietTask(_request: QuietTaskRequest): QuietJudgement {
  return { check: true, questions: [...QUESTIONS] };
}
