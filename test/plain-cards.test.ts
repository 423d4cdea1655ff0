/** Every card kind reads well as text lines (plain mode) and as a box (ink UI). */
import { describe, expect, it } from 'vitest';
import { CardSchema, type Card } from '../collaboration-server/cards.js';
import { cardLines } from '../cli/plain/card-text.js';
import { cardBox } from './helpers/rows.js';

const SAMPLES: [Card, RegExp, RegExp][] = [
  [
    { kind: 'capacity', startsAt: 0, endsAt: 0, days: 5, agents: [{ name: 'Ann', role: 'qa', hoursPerDay: 6, capacityHours: 30, availableHours: 18, loadHours: 12, bookedPercent: 40 }], totalHours: 18, bookedPercent: 40 },
    /capacity: 18h over 5 day\(s\), 40% booked\nname +role +h\/day +capacity +available +load +booked\nAnn +qa +6 +30h +18h +12h +40%/,
    /Capacity — 18h over 5 day\(s\)[\s\S]*Ann +qa +12h \/ 30h[\s\S]*40%/,
  ],
  [
    { kind: 'objectives', objectives: [{ index: 1, text: 'Users can log in', priority: 'high', priorityCue: 'must', points: 5, hours: 12, domains: ['api', 'ui'], generic: false }], totalPoints: 5, totalHours: 12, capacityHours: 30, balance: 'balanced', fits: true },
    /objectives: 5 points, 12h of 30h capacity — fits; balanced\n1\. +high +5pt +12h +api,ui +Users can log in/,
    /Objectives — 5 points, 12h of 30h[\s\S]*1 +high +5 +12h +Users can log in/,
  ],
  [
    { kind: 'progress_check', taskId: 'T-2', title: 'Parser', silentForMinutes: 120, percent: 30, questions: ['Blocked?'] },
    /progress check T-2 Parser: 30%, silent for 120 min\n  \? Blocked\?/,
    /Progress check T-2 — Parser[\s\S]*30%[\s\S]*\? Blocked\?/,
  ],
  [
    { kind: 'guidance', taskId: 'T-2', title: 'Parser', topic: 'grammar', blocker: 'ambiguous rule', steps: ['split the rule', 'add a test'], offerSplit: true },
    /guidance T-2 Parser \(grammar\): ambiguous rule\n  1\. split the rule\n  2\. add a test\n  The lead can split/,
    /Guidance T-2 — grammar[\s\S]*1\. split the rule/,
  ],
  [
    { kind: 'reassignment', taskId: 'T-4', title: 'Docs', from: 'Ann', to: 'Dee', rationale: 'Ann is overloaded' },
    /reassigned T-4 Docs: Ann → Dee \(Ann is overloaded\)/,
    /Reassigned T-4 — Docs[\s\S]*Ann → Dee/,
  ],
  [
    { kind: 'escalation', escalationId: 'E-2', taskId: null, title: 'Vendor down', blocker: 'no API', impact: 'slip', reason: 'external', options: [{ key: 'A', label: 'wait' }, { key: 'B', label: 'mock' }] },
    /escalation E-2: Vendor down\n  blocker: no API\n  impact: slip\n  A\) wait\n  B\) mock\n  answer with: \/answer E-2 KEY/,
    /Escalation E-2 — Vendor down[\s\S]*A\) wait[\s\S]*B\) mock/,
  ],
  [
    { kind: 'alert', level: 'warning', title: 'T-3 at risk', detail: 'due tomorrow, 20% done', taskId: 'T-3' },
    /WARNING: T-3 at risk \(T-3\) — due tomorrow, 20% done/,
    /WARNING: T-3 at risk \(T-3\)[\s\S]*due tomorrow/,
  ],
];

describe('cards', () => {
  it('has a sample for every card kind but the two tested in ui-components', () => {
    const kinds = CardSchema.options.map((o) => o.shape.kind.value);
    expect(new Set([...SAMPLES.map(([c]) => c.kind), 'breakdown', 'sprint_report'])).toEqual(new Set(kinds));
  });

  it.each(SAMPLES.map(([card, plain, ink]) => [card.kind, card, plain, ink] as const))('%s reads as lines and as a box', (_kind, card, plain, ink) => {
    expect(cardLines(card).join('\n')).toMatch(plain);
    expect(cardBox(card)).toMatch(ink);
  });
});
