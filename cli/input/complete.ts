/** Tab completion of the last word: command names after a leading slash, else participant names. */
import { COMMANDS, type SlashCommand } from './commands.js';

/** `commands`: the ones to offer, as /help lists them for my role */
export function complete(line: string, names: readonly string[], commands: readonly SlashCommand[] = COMMANDS): { line: string; options: string[] } {
  const start = line.lastIndexOf(' ') + 1;
  const word = line.slice(start);
  const isCommand = start === 0 && word.startsWith('/');
  const candidates = isCommand ? commands.map((c) => `/${c.name}`) : names.map((n) => (/\s/.test(n) ? `"${n}"` : n));
  const needle = word.toLowerCase().replace(/^"/, '');
  const options = word ? candidates.filter((c) => c.toLowerCase().replace(/^"/, '').startsWith(needle)) : [];
  if (options.length === 0) return { line, options };
  if (options.length === 1) return { line: line.slice(0, start) + options[0] + ' ', options };
  const common = options.reduce((a, b) => {
    let i = 0;
    while (i < a.length && a[i]?.toLowerCase() === b[i]?.toLowerCase()) i++;
    return a.slice(0, i);
  });
  return { line: common.length > word.length ? line.slice(0, start) + common : line, options };
}
