/** The page's few REST calls: sign-in, who it is, past sprints, a task's artifacts, sign-out. */
import type { SprintSummary } from '../collaboration-server/sprint-summary.js';
import type { TeamRole } from '../collaboration-server/team-view.js';
import type { TaskDetail } from '../collaboration-server/web/task-detail.js';
import type { Me } from './page-state.js';

export interface SessionInfo {
  participant: Me;
  csrf: string;
  protocol: number;
  roles: TeamRole[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown, csrf?: string): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(csrf ? { 'x-huddle-csrf': csrf } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!res.ok) throw new ApiError(res.status, json?.error?.message ?? `The hub answered ${res.status}.`);
  return json as T;
}

/** Exchanges the login link's token for the session cookie. */
export const signIn = (token: string): Promise<{ participant: Me; csrf: string }> => call('POST', '/api/session', { token });
export const session = (): Promise<SessionInfo> => call('GET', '/api/session');
export const signOut = (csrf: string): Promise<unknown> => call('DELETE', '/api/session', undefined, csrf);
export const sprints = (): Promise<{ sprints: SprintSummary[] }> => call('GET', '/api/sprints');
export const taskDetail = (id: string): Promise<TaskDetail> => call('GET', `/api/tasks/${encodeURIComponent(id)}`);

/** Whether the session cookie still works (a refused WebSocket cannot say why). */
export async function stillSignedIn(): Promise<boolean> {
  try {
    await session();
    return true;
  } catch (err) {
    return !(err instanceof ApiError && err.status === 401);
  }
}
