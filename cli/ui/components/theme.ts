/** Colours and marks for roles and statuses, in one place. */
const ROLE_COLORS: Record<string, string> = {
  human: 'magenta',
  orchestrator: 'cyan',
  cto: 'blue',
  'backend-dev': 'green',
  'frontend-dev': 'yellow',
  qa: 'redBright',
  devops: 'blueBright',
  security: 'red',
  docs: 'white',
  designer: 'magentaBright',
};
export const roleColor = (role: string): string => ROLE_COLORS[role] ?? 'gray';

export const STATUS_COLORS: Record<string, string> = {
  pending: 'gray',
  assigned: 'yellow',
  accepted: 'yellow',
  in_progress: 'cyan',
  blocked: 'red',
  done: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export const PRESENCE: Record<'online' | 'away' | 'offline', { dot: string; color: string }> = {
  online: { dot: '●', color: 'green' },
  away: { dot: '◐', color: 'yellow' },
  offline: { dot: '○', color: 'gray' },
};
