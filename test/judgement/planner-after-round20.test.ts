/**
 * Found by blind set 27 after round 20 was scored (the set is spent): a measure in seconds was named back
 * as Czech ("6.2 s": Czech "s" is "with"), so an English objective was not planned at all; and a measure
 * told with its target is brought to the target. Sentences written for this file, none from the set.
 */
import { describe, expect, it } from 'vitest';
import { foreignLanguage } from '../../orchestrator/planning/languages.js';
import { planOf } from './plan-of.js';

describe('a measure and its target', () => {
  it.each(['Search p95 is 3.1 s on mobile. Target: under 1 s.', 'The app takes 9 s to start on older phones and 4 s on new ones', 'Upload 500 m of track in 16 h at most'])('reads %s as English', (text) => {
    expect(foreignLanguage(text)).toBeNull();
  });

  it('still names Czech as Czech', () => {
    expect(foreignLanguage('Přidat export faktur do CSV, aby je účetní mohla importovat do svého programu')).toBe('Czech');
  });

  it('plans a measure told with its target as bringing it there', () => {
    const plan = planOf('Search p95 is 3.1 s on mobile. Target: under 1 s.');
    expect(plan.titles.join(' | ')).toContain('Bring the search p95 under 1 s');
  });
});
