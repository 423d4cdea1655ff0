/**
 * Round 7 of the planner (issue 12), from dev set 11's misses: text size and legibility are a
 * designer's, a badge, a tab, a checklist and dragging are screens, a marketplace is screens designed
 * for two sides, a figure by region runs in no second region, an accessibility pass touches no server;
 * and titles from shapes that read oddly: a choice asked as "Should the X … or …?", a department asked
 * "Can finance …?", a change named as a noun before a colon, a condition holding a failing verb, a
 * participle that goes on describing the same thing, things wanted on a calendar. The texts here are
 * written for the tests, not taken from any judgement set.
 */
import { describe, expect, it } from 'vitest';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';

const plan = (text: string) => {
  const analysis = offlineAdvisor.analyseObjectives([text]);
  const tasks = offlineAdvisor.breakDown(analysis.objectives);
  return { count: analysis.objectives.length, titles: tasks.map((t) => t.title), roles: new Set(tasks.map((t) => t.role)) };
};

describe('roles read from what the objective shows', () => {
  it.each([
    ['Show the order number on the packing screen in larger text so it is legible from the bench', ['frontend-dev', 'designer']],
    ['Remove the "New" badge from the settings tab', ['frontend-dev']],
    ['Let planners drag a shift to another day on the rota calendar', ['frontend-dev', 'designer']],
    ['Launch a second-hand marketplace where students sell textbooks to each other', ['frontend-dev', 'designer', 'backend-dev']],
  ])('%s', (text, roles) => {
    const { roles: got } = plan(text);
    for (const r of roles) expect(got, `${text}: ${[...got].join(', ')}`).toContain(r);
  });

  it('does not give a server to an accessibility pass, a developer to a mere badge, or devops to a figure by region', () => {
    expect(plan('Make the booking form pass WCAG 2.2 AA: labels, focus order and contrast').roles).not.toContain('backend-dev');
    expect(plan('Remove the "New" badge from the settings tab').roles).not.toContain('backend-dev');
    expect(plan('Give finance a monthly report of refunds by region in the admin panel').roles).not.toContain('devops');
  });
});

describe('titles that read naturally', () => {
  it('says a design choice asked as a question as the decision to make', () => {
    const { titles } = plan('Should the audit trail stay in Postgres or move to an append-only log?');
    expect(titles[0]).toBe('Decide whether the audit trail should stay in Postgres or move to an append-only log');
  });

  it('lets a department asked about do it, in the third person', () => {
    const { titles } = plan('Can legal get a weekly list of contracts up for renewal from the admin panel?');
    expect(titles).toContain('Let legal get a weekly list of contracts up for renewal from the admin panel');
    expect(titles.some((t) => /^Design how legal gets a weekly list/.test(t))).toBe(true);
    expect(titles.join('\n')).not.toMatch(/^(?:Design|Test): can legal/m);
  });

  it('says a change named before a colon as its verb', () => {
    const { titles } = plan('Storefront redesign: a new header, a bigger search box and product cards with ratings');
    expect(titles.some((t) => t.startsWith('Redesign the storefront: a new header'))).toBe(true);
    expect(titles.join('\n')).not.toMatch(/Make storefront redesign/);
  });

  it('reads a failing verb inside a condition as part of the feature, not a bug to fix', () => {
    const { titles } = plan('Automatic failover for the payment gateway: a health check, a standby region, and a switch if the primary fails twice');
    expect(titles.some((t) => /^(?:Diagnose|Fix) /.test(t))).toBe(false);
  });

  it('keeps a participle that describes the same thing in the same objective', () => {
    const { count, titles } = plan('Build a churn score for each account, recomputed nightly from usage data and served through an internal API');
    expect(count).toBe(1);
    expect(titles.some((t) => /^(?:Plan how we |Test that we )?served through/i.test(t))).toBe(false);
  });

  it('shows things wanted on a calendar there', () => {
    const { titles } = plan("As a site manager I want this week's deliveries on a calendar so I can plan the crane");
    expect(titles).toContain("Show this week's deliveries on a calendar");
  });

  it('says a verb it did not know as a verb', () => {
    const { titles } = plan('Discard draft invoices after thirty days unless a customer reopens them');
    expect(titles.every((t) => !/^Design discard|^Design: discard/.test(t))).toBe(true);
  });
});
