import { describe, expect, it } from 'vitest';
import { isMootRefusal } from '../agents/task-run.js';

describe('an exec agent quietly drops a report refused only because the command finished the task first', () => {
  it('drops it when the task moved on or when finishing it closed the sprint', () => {
    expect(isMootRefusal('INVALID_TRANSITION', 'done')).toBe(true);
    // the last task of a sprint done through MCP completes the sprint: a progress note in flight is refused so
    expect(isMootRefusal('SPRINT_CLOSED', 'done')).toBe(true);
  });

  it('still tells of a refusal while the task is active, or for any other reason', () => {
    expect(isMootRefusal('SPRINT_CLOSED', 'in_progress')).toBe(false);
    expect(isMootRefusal('INVALID_TRANSITION', 'blocked')).toBe(false);
    expect(isMootRefusal('FORBIDDEN', 'done')).toBe(false);
  });
});
