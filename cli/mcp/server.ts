/**
 * `huddle mcp`: an MCP server over stdio for one AI coding agent, on the official SDK. It is a hub
 * client with the agent's own identity; stdout carries nothing but the protocol (logs go to stderr).
 * It ends when its client closes stdin.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { HuddleClient } from '../../collaboration-server/client.js';
import { systemClock } from '../../collaboration-server/clock.js';
import type { Me } from '../room.js';
import { HubLink } from './hub-link.js';
import { Inbox } from './inbox.js';
import { createOperations } from './operations.js';
import { registerResources } from './resources.js';
import { SeenCursor } from './seen-cursor.js';
import { registerTools } from './tools.js';

export interface McpServerOptions {
  me: Me;
  connecting: Promise<HuddleClient>;
  roles: readonly string[];
  dataDir: string;
  workdir: string;
  /** how long a tool waits for the hub */
  waitMs: number;
  version: string;
  log: (line: string) => void;
}

const instructions = (me: Me) =>
  `You are ${me.name} (${me.role}) in a Huddle room with a technical lead and a product owner. ` +
  'Start with huddle_my_tasks; keep your task moving with huddle_task_update; read huddle_inbox between steps; ' +
  'ask huddle_ask_lead when unsure; attach results with huddle_attach.';

export async function runMcpServer(options: McpServerOptions): Promise<void> {
  const { me, log } = options;
  const inbox = new Inbox({ me, seen: new SeenCursor(options.dataDir, me.name), onSeenError: (err) => log(`could not keep the inbox cursor: ${err.message}`) });
  const link = new HubLink({ connecting: options.connecting, inbox, waitMs: options.waitMs, log });
  const ops = createOperations({ me, link, inbox, roles: options.roles, workdir: options.workdir, clock: systemClock });

  const server = new McpServer({ name: 'huddle', version: options.version }, { instructions: instructions(me) });
  registerTools(server, ops);
  registerResources(server, ops);

  const stop = () => {
    options.connecting.then((client) => client.close(), () => {});
    void server.close().finally(() => process.exit(0));
  };
  process.stdin.once('end', stop);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await server.connect(new StdioServerTransport());
  log(`MCP server ready for ${me.name} (${me.role})`);
}
