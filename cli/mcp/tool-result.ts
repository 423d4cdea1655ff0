/** A tool's answer in MCP's shape: text for the model, the same facts as structured content; or a clear error. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { HuddleError, type ErrorCode } from '../../collaboration-server/errors.js';
import type { Reply } from './operations.js';

/** What to do next after an error the hub gave, in the agent's own tools. */
const NEXT_STEP: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: 'huddle_my_tasks lists your tasks.',
  FORBIDDEN: 'huddle_my_tasks lists the tasks that are yours.',
  INVALID_TRANSITION: 'huddle_my_tasks shows each task’s status and the next step.',
};

export const toolReply = (reply: Reply): CallToolResult => ({ content: [{ type: 'text', text: reply.text }], structuredContent: reply.data });

export function toolError(err: unknown): CallToolResult {
  const e = err instanceof HuddleError ? err : new HuddleError('INTERNAL', err instanceof Error ? err.message : String(err));
  const next = NEXT_STEP[e.code];
  const message = next && !e.message.includes(next) ? `${e.message} ${next}` : e.message;
  return { content: [{ type: 'text', text: message }], structuredContent: { error: { code: e.code, message } }, isError: true };
}

/** Runs an operation and turns what it returns, or throws, into a tool result. */
export const asTool = (run: () => Promise<Reply>): Promise<CallToolResult> => run().then(toolReply, toolError);
