/**
 * Round 16 of the planner, on sentences written for it (none from a blind set): who a piece of work needs.
 * Search with filters to narrow it by is used on a screen.
 */
import { describe, expect, it } from 'vitest';
import { planOf } from './plan-of.js';

describe('planner round 16', () => {
  it('search with filters people narrow it by is built on a screen', () => {
    for (const text of [
      'Add a search over the lost-property log with filters for station and week.',
      'Let dispatchers find past jobs by postcode, and filter by driver and month.',
    ]) expect(planOf(text).roles, text).toContain('frontend-dev');
  });
});
