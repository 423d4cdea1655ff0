/**
 * A task's priority. Its own module because both the protocol and the cards it carries need it, and
 * protocol.ts imports cards.ts; everyone else takes it from protocol.ts.
 */
import { z } from 'zod';

export const PrioritySchema = z.enum(['high', 'medium', 'low']);
export type Priority = z.infer<typeof PrioritySchema>;
