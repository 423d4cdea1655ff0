/**
 * `npm run cycles`: fails when modules import each other in a circle. Every import counts: `import
 * type`, `export … from` and `import()` too, since a cycle of types still ties two modules together
 * so that neither can be read, tested or moved alone. Only the project's own files are followed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The folders whose TypeScript is checked, relative to the project root. */
export const SOURCE_DIRS = ['collaboration-server', 'orchestrator', 'agents', 'cli', 'bench', 'test', 'scripts'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file an import names: `./x.js` is written for `./x.ts` or `./x.tsx`. */
function resolveImport(from: string, specifier: string): string | null {
  const path = resolve(dirname(from), specifier);
  const candidates = /\.js$/.test(path) ? [path.replace(/\.js$/, '.ts'), path.replace(/\.js$/, '.tsx'), path] : [path, `${path}.ts`, `${path}.tsx`];
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** Each file → the project files it imports. Packages are left out: they cannot import us back. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((f) => f.fileName)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolveImport(file, s))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** One cycle per group of modules that reach each other (Tarjan's strongly connected components), as a path that ends where it starts. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups.map((group) => pathBack(graph, new Set(group), [...group].sort()[0]!));
}

/** The shortest way from `start` back to itself, inside its group. */
function pathBack(graph: ReadonlyMap<string, readonly string[]>, group: ReadonlySet<string>, start: string): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (next === start) {
        const path: string[] = [];
        for (let at: string | undefined = node; at !== start && at !== undefined; at = cameFrom.get(at)) path.unshift(at);
        return [start, ...path, start];
      }
      if (group.has(next) && !cameFrom.has(next) && next !== start) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

// `node dist/scripts/import-cycles.js` checks the sources (not dist) of the project it belongs to.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(root, d)));
  const cycles = findCycles(importGraph(files));
  for (const cycle of cycles) process.stderr.write(`import cycle: ${cycle.map((f) => relative(root, f)).join(' → ')}\n`);
  if (cycles.length) {
    process.stderr.write(`${cycles.length} import cycle(s). Move what both sides need into a module of its own, or turn one import around.\n`);
    process.exit(1);
  }
  process.stdout.write(`no import cycles in ${files.length} files\n`);
}
