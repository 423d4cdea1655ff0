import type { Audience } from './protocol.js';
import type { Viewer } from './store/index.js';

/**
 * Whether `viewer` may see an event sent by `fromId` to `to`.
 * The same rule, in SQL, filters replays in store/events.ts (VISIBLE).
 */
export function canSee(viewer: Viewer, fromId: string | null, to: Audience): boolean {
  switch (to.kind) {
    case 'all':
      return true;
    case 'participant':
      return to.name === viewer.name || fromId === viewer.id || viewer.role === 'orchestrator';
    case 'role':
      return to.role === viewer.role || fromId === viewer.id || viewer.role === 'orchestrator';
  }
}

/** `@name` or `@role` at the start of a text, as typed in a terminal. */
export function parseAddress(target: string, knownRoles: readonly string[]): Audience {
  const bare = target.replace(/^@/, '');
  return knownRoles.includes(bare) ? { kind: 'role', role: bare } : { kind: 'participant', name: bare };
}
