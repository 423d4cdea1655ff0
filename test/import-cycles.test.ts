/** The no-cycle check that `npm test` runs before vitest (scripts/import-cycles.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../scripts/import-cycles.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';

const onCleanup = cleanupAfterEach();
const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('the import cycle check', () => {
  it('finds nothing in a tree', () => {
    expect(findCycles(graphOf({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('names each cycle as a path back to where it starts', () => {
    const cycles = findCycles(graphOf({ hub: ['handlers'], handlers: ['work'], work: ['handlers', 'store'], store: [], cli: ['hub'] }));
    expect(cycles).toEqual([['handlers', 'work', 'handlers']]);
    expect(findCycles(graphOf({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(graphOf({ self: ['self'] }))).toEqual([['self', 'self']]);
  });

  it('follows type-only imports and re-exports between real files', () => {
    const dir = tempDir('huddle-cycles-', onCleanup);
    writeFileSync(join(dir, 'protocol.ts'), "import { CardSchema } from './cards.js';\nexport const x = CardSchema;\n");
    writeFileSync(join(dir, 'cards.ts'), "import type { Task } from './protocol.js';\nexport const CardSchema = 1;\nexport type T = Task;\n");
    writeFileSync(join(dir, 'index.ts'), "export * from './protocol.js';\nimport 'zod';\n");
    const graph = importGraph(['protocol.ts', 'cards.ts', 'index.ts'].map((f) => join(dir, f)));
    expect(graph.get(join(dir, 'index.ts'))).toEqual([join(dir, 'protocol.ts')]);
    expect(findCycles(graph)).toEqual([[join(dir, 'cards.ts'), join(dir, 'protocol.ts'), join(dir, 'cards.ts')]]);
  });
});
