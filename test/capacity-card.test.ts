/** The capacity card: what the lead computes and what the plain mode and the ink UI show of it. */
import { describe, expect, it } from 'vitest';
import { capacityCard, capacityText, type Capacity, type TeamMember } from '../orchestrator/planning/capacity.js';
import { cardLines } from '../cli/plain/card-text.js';
import { cardBox } from './helpers/rows.js';
import type { Card } from '../collaboration-server/cards.js';

const member = (name: string, capacityHours: number, loadHours: number): TeamMember => ({ name, role: 'backend-dev', expertise: [], hoursPerDay: capacityHours / 10, capacityHours, loadHours });

function capacity(...members: TeamMember[]): Capacity {
  return {
    startsAt: Date.UTC(2026, 0, 5),
    endsAt: Date.UTC(2026, 0, 19),
    days: 14,
    workdays: 10,
    members,
    totalHours: members.reduce((s, m) => s + Math.max(0, m.capacityHours - m.loadHours), 0),
    loadHours: members.reduce((s, m) => s + m.loadHours, 0),
  };
}

const box = (card: Card) => cardBox(card);

describe('the share of the team already in use', () => {
  it.each([
    [7, '12%'],
    [14, '23%'],
  ])('is %sh of 60h as %s, not rounded to tens', (load, shown) => {
    const c = capacity(member('Ann', 60, load));
    expect(capacityText(c)).toContain(`${shown} already in use`);
    expect(cardLines(capacityCard(c))[0]).toContain(`${shown} booked`);
    expect(box(capacityCard(c))).toMatch(new RegExp(`Booked overall .*${shown}`));
  });
});

describe('an overbooked team', () => {
  const card = capacityCard(capacity(member('Ann', 60, 90)));

  it('reads as 150% booked and overbooked in the plain mode', () => {
    expect(cardLines(card)[0]).toMatch(/150% booked, overbooked/);
  });

  it('shows a full, marked bar in the ink UI', () => {
    expect(box(card)).toMatch(/Booked overall █{20} 150% over/);
  });
});

describe("a person's bar", () => {
  const card = capacityCard(capacity(member('Ann', 60, 60), member('Bob', 60, 15), member('Cy', 40, 60)));
  const row = (text: string, name: string) => text.split('\n').find((l) => l.includes(name)) ?? '';

  it('compares the load with the hours the person gives, so a fully booked person reads 100%', () => {
    expect(row(box(card), 'Ann')).toMatch(/Ann .* 60h \/ 60h .*█{10} 100%/);
    expect(row(box(card), 'Bob')).toMatch(/Bob .* 15h \/ 60h .*█{3}░{7}  25%/);
    expect(row(box(card), 'Cy')).toMatch(/Cy .* 60h \/ 40h .*█{10} 150% over/);
  });

  it('reads the same in the plain mode', () => {
    const lines = cardLines(card);
    expect(lines[1]).toMatch(/name +role +h\/day +capacity +available +load +booked$/);
    expect(row(lines.join('\n'), 'Ann')).toMatch(/60h +0h +60h +100%$/);
    expect(row(lines.join('\n'), 'Cy')).toMatch(/40h +0h +60h +150% over$/);
  });
});
