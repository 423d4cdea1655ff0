/**
 * Round 11 of the planner, on sentences written for it (none from a blind set): nonsense between
 * English glue words is named back, while objectives full of tool names are still planned.
 */
import { describe, expect, it } from 'vitest';
import { isEnglishWord } from '../../orchestrator/planning/dictionary.js';
import { unreadableWhy } from '../../orchestrator/planning/readable.js';

describe('planner round 11: nonsense told from jargon by a dictionary', () => {
  it.each([
    'brindle the vosk across the pellimar, then snorb it under the trell by fridayish',
    'we need to quandle every wibbet on the gantry, no sporks in the morvane',
    'plimp the zorbles into the crattle mode and vesk the rest',
  ])('names back nonsense with glue words: %s', (text) => {
    expect(unreadableWhy(text)).toBe('it reads as gibberish');
  });

  it.each([
    'swap webpack for vite, jest for vitest, and tslint for eslint in the monorepo',
    'bump pnpm, turborepo, tsup and changesets to their latest majors',
    'wire opentelemetry traces from the nestjs api through kafka to the flink jobs',
    'the onboarding runbook needs a section on kubeconfig, sops and terraform workspaces',
    "Fix the typos on the pricing page: 'recieve', 'seperate', 'occured' and 'definately'",
    'Onboard the new sdet: laptop, vpn, jira, confluence and gitlab access',
    'ngl the k8s autoscaler config is a mess, clean it up',
  ])('plans an objective full of tool names: %s', (text) => {
    expect(unreadableWhy(text)).toBeNull();
  });

  it('knows English words and their inflections, including the few the list keeps out of order', () => {
    expect(['plinth', 'payouts', 'reloading', 'manlihood', 'manlily'].every(isEnglishWord)).toBe(true);
    expect(['quibbet', 'thursdon', 'flarn'].some(isEnglishWord)).toBe(false);
  });
});
