/** The roles the admin token is for. Without zod, so that pure modules the web page loads may import it. */
export const ADMIN_ROLES = ['human', 'orchestrator'] as const;
export const isAdminRole = (role: string): boolean => (ADMIN_ROLES as readonly string[]).includes(role);
