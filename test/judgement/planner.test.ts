/**
 * The planner for any backlog (issue 12): a wide domain catalogue matched on stems, every domain an
 * objective touches adding its roles, titles from a parsed verb and object, estimates that grow with
 * scope and say why, pasted code that is not an objective, and text it cannot read named back.
 */
import { describe, expect, it } from 'vitest';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';
import { handleMessage } from '../../orchestrator/planning/session.js';
import { initialPlanningState } from '../../orchestrator/planning/state.js';
import { seedView } from '../helpers/planning-team.js';

const plan = (text: string) => {
  const analysis = offlineAdvisor.analyseObjectives([text]);
  const tasks = offlineAdvisor.breakDown(analysis.objectives);
  return { ...analysis, tasks, roles: new Set(tasks.map((t) => t.role)), titles: tasks.map((t) => t.title) };
};

describe('roles from every domain an objective touches', () => {
  it('gives a change to how people sign in a security review after it is built', () => {
    const p = plan('Let users sign in with their Google account');
    expect([...p.roles]).toEqual(expect.arrayContaining(['backend-dev', 'frontend-dev', 'security', 'qa']));
    const review = p.tasks.find((t) => t.role === 'security')!;
    expect(review).toMatchObject({ kind: 'review', title: 'Security review of how users sign in with their Google account' });
    expect(review.dependsOn).toEqual(p.tasks.filter((t) => t.kind === 'implement').map((t) => t.key));
  });

  it('gives a database change that must not interrupt users devops, and no designer', () => {
    const p = plan('Migrate the orders table to the new schema without downtime');
    expect(p.roles.has('devops')).toBe(true);
    expect(p.roles.has('backend-dev')).toBe(true);
    expect(p.roles.has('designer')).toBe(false);
  });

  it('sends a purely visual change to the designer and the frontend, not the backend', () => {
    const p = plan('Change the primary button colour to the new brand blue');
    expect(p.roles.has('designer')).toBe(true);
    expect(p.roles.has('frontend-dev')).toBe(true);
    for (const absurd of ['backend-dev', 'devops', 'security', 'docs']) expect(p.roles.has(absurd)).toBe(false);
  });

  it('gives a performance goal no technical writer', () => {
    for (const goal of ['Reduce p95 latency of the orders API below 200ms', 'Make the dashboard load in under two seconds', 'Shrink the JavaScript bundle by half']) {
      expect(plan(goal).roles.has('docs')).toBe(false);
    }
    expect(plan('Shrink the JavaScript bundle by half').roles.has('backend-dev')).toBe(false);
  });

  it('knows domains the old catalogue lacked, through plurals and common phrasings', () => {
    const domainsOf = (text: string) => offlineAdvisor.analyseObjectives([text]).objectives[0]!.domains;
    expect(domainsOf('Accept card payments at checkout')[0]).toBe('payments');
    expect(domainsOf('Searches should tolerate typos')[0]).toBe('search');
    expect(domainsOf('Ship an Android app')[0]).toBe('mobile');
    expect(domainsOf('Translate the settings into German')[0]).toBe('i18n');
    expect(domainsOf('Retrain the churn model weekly')[0]).toBe('ml');
    expect(domainsOf('Add tracing to the checkout service')[0]).toBe('observability');
    expect(domainsOf('Cut our cloud bill')[0]).toBe('infra');
    expect(domainsOf('Logging in with two-factor codes')[0]).toBe('auth');
    expect(domainsOf('Split the monolith into services')[0]).toBe('architecture');
  });

  it('plans an objective about docs as writing, and one about tests as testing', () => {
    expect([...plan('Record a video tutorial for the import feature').roles]).toEqual(['docs']);
    expect([...plan('Add end-to-end tests for the checkout flow').roles]).toEqual(['qa']);
  });
});

describe('titles from the objective’s verb and object', () => {
  it('never glues a template verb onto the objective’s own', () => {
    const titles = ['Migrate billing from Braintree to Stripe', 'Build a nightly ETL from Postgres into BigQuery', 'Move to a second data centre', 'Fix the crash on Android 14'].flatMap((t) => plan(t).titles);
    for (const t of titles) expect(t).not.toMatch(/^(?:Implement|Design|Test|Plan) (?:Migrate|Build|Move|Fix)\b|\b(?:of|for) (?:to|from)\b/);
    expect(plan('Migrate billing from Braintree to Stripe').titles).toEqual([
      'Plan the migration of billing from Braintree to Stripe',
      'Migrate billing from Braintree to Stripe',
      'Security review of the migration of billing from Braintree to Stripe',
      'Test the migration of billing from Braintree to Stripe',
    ]);
    expect(plan('Move to a second data centre for disaster recovery').titles[0]).toBe('Plan the move to a second data centre for disaster recovery');
  });

  it('turns an objective that starts with its subject round', () => {
    expect(plan('The export is too slow for big accounts').titles).toContain('Speed up the export for big accounts');
    expect(plan('Users should be able to archive old projects').titles).toContain('Test that users can archive old projects');
    expect(plan('Make the dashboard load in under two seconds').titles).toContain('Check that the dashboard loads in under two seconds');
  });
});

describe('estimates that grow with scope, and say why', () => {
  it('makes a settings toggle small and a second data centre large', () => {
    const [toggle] = offlineAdvisor.analyseObjectives(['Add a settings toggle for dark mode']).objectives;
    const [dc] = offlineAdvisor.analyseObjectives(['Move to a second data centre with zero downtime']).objectives;
    expect(toggle!.hours).toBeLessThan(12);
    expect(dc!.hours).toBeGreaterThan(toggle!.hours * 4);
    expect(toggle!.adjustments.join()).toMatch(/small change \("toggle"\)/);
    expect(dc!.adjustments.join()).toMatch(/"second data centre".*"zero downtime"/);
  });

  it('counts the parts and platforms an objective names', () => {
    const [one] = offlineAdvisor.analyseObjectives(['Add push notifications to the iOS app']).objectives;
    const [three] = offlineAdvisor.analyseObjectives(['Add push notifications to the iOS app, the Android app and the web']).objectives;
    expect(three!.hours).toBeGreaterThan(one!.hours * 1.5);
    expect(three!.adjustments.join()).toMatch(/3 platforms \(iOS, Android, web\)/);
  });
});

describe('what is not an objective', () => {
  const TRACE = [
    'Fix the checkout crash',
    "TypeError: Cannot read properties of undefined (reading 'id')",
    '    at Checkout.render (/app/src/Checkout.tsx:42:17)',
    '    at processChild (/app/node_modules/react-dom/cjs/react-dom.development.js:3990:14)',
    '    at async Promise.all (index 0)',
  ].join('\n');

  it('leaves a pasted stack trace out of the objectives, and says so', () => {
    const p = plan(TRACE);
    expect(p.objectives.map((o) => o.text)).toEqual(['Fix the checkout crash']);
    expect(p.unreadable).toEqual([{ text: "TypeError: Cannot read properties of undefined (reading 'id')", why: '4 line(s) of pasted stack trace: not an objective' }]);
  });

  it('names back an objective in another language, or gibberish, instead of dropping it', () => {
    const p = plan('Añadir inicio de sesión con Google para los usuarios\nasdf qwer zxcv\nAdd dark mode');
    expect(p.objectives.map((o) => o.text)).toEqual(['Add dark mode']);
    expect(p.unreadable.map((u) => u.why)).toEqual(['it looks like Spanish', 'it reads as gibberish']);
    const state = { ...initialPlanningState(), phase: 'objectives' as const };
    const reply = handleMessage(state, 'Добавить вход через Google', seedView()).replies[0]!.text;
    expect(reply).toMatch(/could not read[\s\S]*"Добавить вход через Google": it is written in Cyrillic script/);
  });
});

describe('the objective development sets (they shaped the rules: a regression guard, not a measurement)', () => {
  it('keeps them where they were tuned', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { readSet, scoreObjectives } = await import('../../bench/judge.js');
    const dir = new URL('./dev/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.startsWith('objectives'))) {
      const s = scoreObjectives(readSet(readFileSync(new URL(file, dir), 'utf8')).objectives, undefined, false);
      expect(s.allRoles / s.objectives, file).toBeGreaterThanOrEqual(0.97);
      expect(s.absurd, file).toBe(0);
    }
  });
});
