/**
 * Task titles written from an objective's verb and object (phrasing.ts), by the kind of task and who
 * does it: "Plan the migration of the orders table…", "Security review of how users sign in…",
 * "Diagnose the crash on Android 14", "Check that the dashboard loads in under two seconds".
 */
import type { TaskKind } from './domains.js';
import { bare, changeNoun, deedOf, definite, leadingVerb, lowerFirst, type Phrase } from './phrasing.js';

/** What a title calls the objective's work, by class: "the migration of the orders table". */
function topic(p: Phrase): string {
  switch (p.cls) {
    case 'build':
      return p.thing;
    case 'enable':
      return `how ${p.who} ${deedOf(p.who!, p.deed!)}`;
    case 'fix':
      return `the fix for ${p.object}`;
    case 'change': {
      const noun = changeNoun(p.verb);
      if (!noun) return `the change: ${p.object}`;
      // "Drop Elasticsearch and use Postgres search": two deeds, so not "the removal of Elasticsearch and use…".
      if (joinsAVerb(p.object)) return `how we ${lowerFirst(p.action)}`;
      // "the move to a second data centre", not "the move of to…"
      return /^(?:to|from|into|onto|off|away|over|across|between|towards|in|on)\b/i.test(p.object) ? `the ${noun.replace(/ (?:of|to|in)$/, '')} ${p.object}` : `the ${noun} ${p.object}`;
    }
    case 'behave':
    case 'investigate':
    case 'audit':
    case 'test':
      return `how we ${lowerFirst(p.action)}`;
    case 'document':
      return p.verb === 'document' ? `the docs for ${p.object}` : definite(p.object);
    case 'clause':
      return `“${p.action}”`;
  }
}

/** The part of the work a role other than the lead builds, by what it touches. */
const LAYER_NAME: Record<string, [build: string, change: string]> = {
  'backend-dev': ['Build the backend for', 'Backend work for'],
  'frontend-dev': ['Build the interface for', 'Interface work for'],
  devops: ['Set up the infrastructure for', 'Infrastructure work for'],
  security: ['Security work for', 'Security work for'],
  docs: ['Write the docs for', 'Docs for'],
  qa: ['Test tooling for', 'Test tooling for'],
  designer: ['Design the screens for', 'Design work for'],
  cto: ['Architecture for', 'Architecture for'],
};

/** Plans for work that is only tests or only docs take the object's own words: "Plan testing coverage". */
export interface TitleContext {
  kind: TaskKind;
  role: string;
  /** the lead implementation carries the objective's own words; others name their part */
  lead: boolean;
  head: 'testing' | 'docs' | 'other';
}

/** A second verb joined on: "… and use Postgres", "… and move them into a vault". */
const joinsAVerb = (object: string) => [...object.matchAll(/\band (?:then )?([a-z]+)\b/g)].some((m) => leadingVerb(m[1]!) !== null);

const SPEED = /^(?:speed up|optimi[sz]e|tune|scale)$/;

export function titleFor(p: Phrase, ctx: TitleContext): string {
  const { kind, role, lead, head } = ctx;
  const what = topic(p);
  const said = lowerFirst(p.action);
  switch (kind) {
    case 'design':
      if (p.cls === 'investigate') return p.action;
      if (p.cls === 'clause') return `Design: ${said}`;
      if (role === 'designer' && !lead) return p.cls === 'build' ? `Design the screens for ${p.thing}` : `Design ${what}`;
      if (p.cls === 'fix') return `Diagnose ${p.object}`;
      // (…but making something faster is planned as the speed-up, even of a test run: "Plan the speed-up of CI".)
      if (head === 'testing' && (p.cls === 'build' || (p.cls === 'change' && !SPEED.test(p.verb ?? '')))) return `Plan ${lowerFirst(bare(p.object))}`;
      // (A change to docs is outlined as the change: "Outline the translation of the help pages into Welsh".)
      if (head === 'docs' || p.cls === 'document') return `Outline ${definite(p.cls === 'document' || p.cls === 'change' ? what : p.thing)}`;
      if (p.cls === 'build') return role === 'designer' && !lead ? `Design the screens for ${p.thing}` : `Design ${p.thing}`;
      if (p.cls === 'enable') return `Design ${what}`;
      if (p.cls === 'change') return `Plan ${what}`;
      return `Plan ${what}`;
    case 'implement':
      if (lead) return p.cls === 'build' && (p.verb === null || p.verb === 'add' || p.verb === 'implement') ? `Implement ${p.thing}` : p.action;
      if (p.cls === 'build') return `${LAYER_NAME[role]?.[0] ?? 'Work on'} ${p.thing}`;
      if (p.cls === 'enable') return `${(LAYER_NAME[role]?.[1] ?? 'Work').replace(/ for$/, '')} so that ${p.who} can ${p.deed}`;
      if (p.cls === 'clause') return `${(LAYER_NAME[role]?.[1] ?? 'Work').replace(/ for$/, '')}: ${said}`;
      return `${LAYER_NAME[role]?.[1] ?? 'Work for'} ${what}`;
    case 'review':
      if (p.cls === 'clause') return `Security review: ${said}`;
      // a choice to weigh: "Security review of the choice between GraphQL and REST"
      if (p.cls === 'investigate') return /^(?:whether|between)\b/i.test(p.object) ? `Security review of the choice ${p.object}` : `Security review of the options found for ${what}`;
      if (role !== 'security') return `Review ${definite(what)} for accuracy`;
      return `Security review of ${definite(what)}`;
    case 'deploy':
      if (p.cls === 'build') return `Roll out ${definite(p.thing)}`;
      if (p.cls === 'change' || p.cls === 'fix') return `Roll out ${what}`;
      if (p.cls === 'enable') return `Roll out the change so that ${p.who} can ${p.deed}`;
      // "Roll out the change to partition the orders table by month", not a label and a colon
      return p.cls === 'clause' ? `Roll out: ${said}` : `Roll out the change to ${said}`;
    case 'test':
      if (p.cls === 'clause') return `Test: ${said}`;
      if (p.cls === 'fix') return `Verify ${what}`;
      if (p.outcome) return `Check that ${p.outcome}`;
      if (p.cls === 'build') return `Test ${definite(p.thing)}`;
      if (p.cls === 'enable') return `Test that ${p.who} can ${p.deed}`;
      if (p.cls === 'change') return `Test ${what}`;
      return /\btest\b/i.test(p.verb ?? '') ? `Check the set-up: ${said}` : `Test that we ${said}`;
    case 'document':
      if (p.cls === 'clause') return `Document: ${said}`;
      return `Document ${definite(what)}`;
  }
}
