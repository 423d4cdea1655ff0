/**
 * The seven Huddle tools: few, prefixed, short (every definition costs the agent's context; the whole
 * list stays under 2,500 tokens, test/mcp-tools.test.ts counts it). Input schemas are zod, checked by
 * the SDK before a handler runs; a bad value comes back as a tool error that names the field.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { MAX_TEXT_CHARS } from '../../collaboration-server/protocol.js';
import { ATTACHMENT_NAME, MAX_ATTACHMENT_BYTES } from './attachment.js';
import { MAX_WAIT_SECONDS, TASK_ACTIONS, type Operations } from './operations.js';
import { asTool } from './tool-result.js';

const taskId = z.string().regex(/^[Tt]-\d{1,9}$/, 'a task id looks like T-3').describe('like T-3');
const note = z.string().max(4000, 'a note holds at most 4000 characters: attach longer text with huddle_attach');
const waitSeconds = (what: string) => z.number().int().min(0).max(MAX_WAIT_SECONDS).optional().describe(`${what}, 0-${MAX_WAIT_SECONDS}`);

export function registerTools(server: McpServer, ops: Operations): void {
  server.registerTool(
    'huddle_whoami',
    { description: 'Who you are in the Huddle room: name, role, sprint, lead, your load.', annotations: { readOnlyHint: true } },
    () => asTool(() => ops.whoami()),
  );
  server.registerTool(
    'huddle_my_tasks',
    { description: 'Your tasks: status, dependencies, acceptance, notes, attachments; and the next one to take.', annotations: { readOnlyHint: true } },
    () => asTool(() => ops.myTasks()),
  );
  server.registerTool(
    'huddle_task_update',
    {
      description: 'Move your task: accept, start, progress (percent), done, block (note says why; the lead helps) or note.',
      inputSchema: {
        taskId,
        action: z.enum(TASK_ACTIONS),
        percent: z.number().min(0).max(100).optional(),
        note: note.optional(),
      },
    },
    (args) => asTool(() => ops.updateTask(args)),
  );
  server.registerTool(
    'huddle_send',
    {
      description: 'Say something in the room: to everyone, a name, or @role.',
      inputSchema: {
        text: z.string().min(1).max(MAX_TEXT_CHARS, `a message holds at most ${MAX_TEXT_CHARS} characters: attach longer text with huddle_attach`),
        to: z.string().max(65).optional().describe('a name or @role; omit for everyone'),
      },
    },
    (args) => asTool(() => ops.send(args)),
  );
  server.registerTool(
    'huddle_inbox',
    {
      description: "What was said to you, your role or everyone since the last call, the lead's cards as text. Returns at once when there is news.",
      inputSchema: { waitSeconds: waitSeconds('wait this long for news') },
      annotations: { readOnlyHint: true },
    },
    (args, extra) => asTool(() => ops.inbox(args, extra.signal)),
  );
  server.registerTool(
    'huddle_ask_lead',
    {
      description: 'Ask the technical lead; it answers from the task record. Waits for the answer, else it comes to huddle_inbox.',
      inputSchema: { question: z.string().min(1).max(4000), taskId: taskId.optional(), waitSeconds: waitSeconds('wait this long, default 30') },
    },
    (args, extra) => asTool(() => ops.askLead(args, extra.signal)),
  );
  server.registerTool(
    'huddle_attach',
    {
      description: `Store an artifact with your task: content, or a file path inside the working folder (at most ${MAX_ATTACHMENT_BYTES / 1024} KB).`,
      inputSchema: {
        taskId,
        name: z.string().regex(ATTACHMENT_NAME, 'a name is 1-40 letters, digits, dots, dashes or underscores, like notes.md').describe('like notes.md'),
        content: z.string().max(MAX_ATTACHMENT_BYTES).optional(),
        path: z.string().max(4096).optional(),
      },
    },
    (args) => asTool(() => ops.attach(args)),
  );
}
