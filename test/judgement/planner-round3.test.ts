/**
 * Round 3 of the planner (issue 12): signing builds is a security matter, a compliance certification
 * touches how the system is run, email work is planned by whoever builds it, and a typo needs no review.
 */
import { describe, expect, it } from 'vitest';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';

const roles = (text: string) => new Set(offlineAdvisor.breakDown(offlineAdvisor.analyseObjectives([text]).objectives).map((t) => t.role));

describe('roles round 3', () => {
  it('has signing and notarising builds reviewed by security', () => {
    expect(roles('Notarise the Windows installer and sign it in CI').has('security')).toBe(true);
  });

  it('brings devops to a compliance certification', () => {
    expect(roles('Become ISO 27001 certified by next spring').has('devops')).toBe(true);
  });

  it('gives email work no architect and a typo no security review', () => {
    expect(roles('Send a monthly usage summary email to account owners').has('cto')).toBe(false);
    expect(roles('Fix the typo in the two-factor login email').has('security')).toBe(false);
  });
});
