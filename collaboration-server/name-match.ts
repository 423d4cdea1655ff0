/**
 * Who someone meant by a name as they typed it: `zoe`, `Zoë` or `zo` for "Zoë 🚀 前端", `backend` for
 * "Backend Developer", `@frontend-dev` for the one person with that role. Any case, with or without
 * accents, the start of the name or of a word in it, as long as only one person fits. Pure.
 */

export interface Named {
  name: string;
  role: string;
}

export type NameMatch = { kind: 'one'; name: string } | { kind: 'none' } | { kind: 'many'; names: string[] };

/** A name as it is typed without care: no accents, no case, single spaces. */
const loose = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();

function pick(found: readonly Named[]): NameMatch | undefined {
  const names = [...new Set(found.map((p) => p.name))];
  if (names.length === 1) return { kind: 'one', name: names[0]! };
  return names.length ? { kind: 'many', names } : undefined;
}

export function matchName(typed: string, people: readonly Named[]): NameMatch {
  const text = typed.trim();
  if (!text) return { kind: 'none' };
  if (text.startsWith('@')) {
    const role = text.slice(1).toLowerCase();
    return pick(people.filter((p) => p.role.toLowerCase() === role)) ?? { kind: 'none' };
  }
  const exact = people.find((p) => p.name === text);
  if (exact) return { kind: 'one', name: exact.name };
  const want = loose(text);
  const keyed = people.map((p) => ({ person: p, key: loose(p.name) }));
  return (
    pick(keyed.filter((k) => k.key === want).map((k) => k.person)) ??
    pick(keyed.filter((k) => k.key.startsWith(want)).map((k) => k.person)) ??
    pick(keyed.filter((k) => k.key.split(' ').some((word) => word.startsWith(want))).map((k) => k.person)) ?? { kind: 'none' }
  );
}

/** What to tell someone whose name did not match: nobody by that name, or which ones it could be. */
export function unmatched(typed: string, match: Exclude<NameMatch, { kind: 'one' }>, people: readonly Named[]): string {
  if (match.kind === 'many') return `"${typed}" could be ${match.names.join(' or ')}: type more of the name.`;
  const who = people.map((p) => p.name).join(', ');
  return typed.trim().startsWith('@') ? `Nobody here has the role ${typed.trim().slice(1)}.${who ? ` Here are: ${who}.` : ''}` : `Nobody called "${typed}" is here.${who ? ` Here are: ${who}.` : ''}`;
}
