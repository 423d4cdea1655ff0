/**
 * The first argument as a name, matched against known names so `Backend Developer hi` finds the
 * two-word name; a quoted first word is taken as it is. Returns the name and the rest of the text.
 */
export function takeName(args: string, known: readonly string[]): { name: string; rest: string } | null {
  const text = args.trim();
  if (!text) return null;
  const quoted = /^(["'])(.*?)\1\s*(.*)$/s.exec(text);
  if (quoted) return { name: quoted[2] ?? '', rest: quoted[3] ?? '' };
  const lower = text.toLowerCase();
  const match = [...known]
    .sort((a, b) => b.length - a.length)
    .find((n) => lower.startsWith(n.toLowerCase()) && (text.length === n.length || /\s/.test(text[n.length] ?? '')));
  if (match) return { name: match, rest: text.slice(match.length).trim() };
  const [first = '', ...rest] = text.split(/\s+/);
  return { name: first, rest: rest.join(' ') };
}
