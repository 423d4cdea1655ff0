/**
 * The page's files: `web/` (index.html, style.css) from the package, and the page's JavaScript that
 * `tsc -p web` compiled into `dist/web-static/`. They hold no data, so they are served to anyone who
 * names the hub's host; the data comes from the API and the WebSocket, which need a session.
 * Only files under those two folders with a known type are served, each read once and kept.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface PageFile {
  body: Buffer;
  type: string;
}

/** The package's root: the nearest folder above this module with a package.json (the same from source and from dist/). */
function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('huddle: cannot find its own package folder to serve the web page from');
  }
}

/** Every page path (the login link's `/login` too) serves the one page; it routes itself. */
const PAGE_PATHS = new Set(['/', '/index.html', '/login']);

export class PageFiles {
  private readonly cache = new Map<string, PageFile>();
  private readonly roots: { prefix: string; dir: string }[];

  constructor(root = packageRoot()) {
    this.roots = [
      { prefix: '/js/', dir: join(root, 'dist', 'web-static') },
      { prefix: '/', dir: join(root, 'web') },
    ];
  }

  /** The file for a request path, or null. */
  get(path: string): PageFile | null {
    const wanted = PAGE_PATHS.has(path) ? '/index.html' : path;
    const cached = this.cache.get(wanted);
    if (cached) return cached;
    const file = this.read(wanted);
    if (file) this.cache.set(wanted, file);
    return file;
  }

  private read(path: string): PageFile | null {
    const type = TYPES[extname(path)];
    const root = this.roots.find((r) => path.startsWith(r.prefix));
    if (!type || !root || path.includes('\0')) return null;
    const file = normalize(join(root.dir, path.slice(root.prefix.length)));
    if (!file.startsWith(root.dir + sep)) return null;
    try {
      return { body: readFileSync(file), type };
    } catch {
      return null;
    }
  }
}
