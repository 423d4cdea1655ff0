/**
 * The role catalog: what each role is good at and how many hours a day it gives a sprint.
 * A team file (`.huddle/team.json`) may add roles or change tags and capacities.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { HuddleError } from '../collaboration-server/errors.js';
import { RoleSchema } from '../collaboration-server/protocol.js';

export interface RoleSpec {
  role: string;
  title: string;
  /** domains and skills, matched against a task's domain by the assignment engine */
  expertise: string[];
  hoursPerDay: number;
  /** a person or bot who takes tasks; the product owner and the lead do not */
  takesTasks: boolean;
}

export const BUILT_IN_ROLES: readonly RoleSpec[] = [
  { role: 'human', title: 'Product Owner', expertise: ['product', 'requirements', 'priorities'], hoursPerDay: 0, takesTasks: false },
  { role: 'orchestrator', title: 'Technical Lead', expertise: ['planning'], hoursPerDay: 0, takesTasks: false },
  { role: 'cto', title: 'CTO', expertise: ['architecture', 'design', 'security', 'auth', 'api', 'database', 'performance', 'review'], hoursPerDay: 4, takesTasks: true },
  { role: 'backend-dev', title: 'Backend Developer', expertise: ['api', 'database', 'auth', 'realtime', 'data', 'performance', 'integration', 'implementation'], hoursPerDay: 6, takesTasks: true },
  { role: 'frontend-dev', title: 'Frontend Developer', expertise: ['ui', 'frontend', 'realtime', 'accessibility', 'implementation'], hoursPerDay: 6, takesTasks: true },
  { role: 'qa', title: 'QA Engineer', expertise: ['testing', 'quality', 'automation', 'performance'], hoursPerDay: 6, takesTasks: true },
  { role: 'devops', title: 'DevOps Engineer', expertise: ['devops', 'deploy', 'infrastructure', 'monitoring', 'performance', 'database'], hoursPerDay: 6, takesTasks: true },
  { role: 'security', title: 'Security Engineer', expertise: ['security', 'auth', 'compliance', 'review'], hoursPerDay: 5, takesTasks: true },
  { role: 'docs', title: 'Technical Writer', expertise: ['docs', 'documentation', 'api'], hoursPerDay: 5, takesTasks: true },
  { role: 'designer', title: 'Designer', expertise: ['ui', 'ux', 'design', 'accessibility'], hoursPerDay: 5, takesTasks: true },
];

const TeamFileSchema = z.object({
  roles: z
    .array(
      z.object({
        role: RoleSchema,
        title: z.string().min(1).optional(),
        expertise: z.array(z.string()).optional(),
        hoursPerDay: z.number().min(0).max(24).optional(),
        takesTasks: z.boolean().optional(),
      }),
    )
    .default([]),
});

export const TEAM_FILE = 'team.json';

/** The built-in roles merged with the data folder's team file, if it has one. */
export function loadRoles(dataDir?: string): RoleSpec[] {
  if (!dataDir) return mergeRoles(null, '');
  let text: string;
  try {
    text = readFileSync(join(dataDir, TEAM_FILE), 'utf8');
  } catch {
    return mergeRoles(null, '');
  }
  return mergeRoles(text, join(dataDir, TEAM_FILE));
}

/** The built-in roles merged with the team file at `path` (for `huddle plan --team FILE`). */
export function loadRolesFile(path: string): RoleSpec[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new HuddleError('BAD_FRAME', `Cannot read the team file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Give a JSON file like .huddle/team.json.`);
  }
  return mergeRoles(text, path);
}

function mergeRoles(text: string | null, where: string): RoleSpec[] {
  const roles = new Map(BUILT_IN_ROLES.map((r) => [r.role, { ...r, expertise: [...r.expertise] }]));
  if (text === null) return [...roles.values()];
  let parsed;
  try {
    parsed = TeamFileSchema.parse(JSON.parse(text));
  } catch (err) {
    throw new HuddleError('BAD_FRAME', `${where} is not a valid team file: ${(err as Error).message.slice(0, 300)}`);
  }
  for (const r of parsed.roles) {
    const base = roles.get(r.role);
    roles.set(r.role, {
      role: r.role,
      title: r.title ?? base?.title ?? r.role,
      expertise: r.expertise ?? base?.expertise ?? [],
      hoursPerDay: r.hoursPerDay ?? base?.hoursPerDay ?? 6,
      takesTasks: r.takesTasks ?? base?.takesTasks ?? true,
    });
  }
  return [...roles.values()];
}

export function findRole(roles: readonly RoleSpec[], role: string): RoleSpec {
  const spec = roles.find((r) => r.role === role);
  if (!spec) {
    throw new HuddleError('UNKNOWN_ROLE', `Unknown role "${role}". Known roles: ${roles.map((r) => r.role).join(', ')}.`);
  }
  return spec;
}
