/** The two resources: the current sprint with its tasks, and one task's details. JSON, read from the hub on each read. */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Operations } from './operations.js';

const json = (uri: URL, value: unknown) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value, null, 1) }] });

export function registerResources(server: McpServer, ops: Operations): void {
  server.registerResource(
    'sprint',
    'huddle://sprint/current',
    { description: 'The current sprint and its tasks', mimeType: 'application/json' },
    async (uri) => json(uri, await ops.sprint()),
  );
  server.registerResource(
    'task',
    new ResourceTemplate('huddle://task/{id}', {
      list: async () => ({
        resources: (await ops.taskIds()).map((t) => ({ uri: `huddle://task/${t.id}`, name: `${t.id} ${t.title}`, mimeType: 'application/json' })),
      }),
    }),
    { description: "A task's details: status, dependencies, acceptance, notes, attachments", mimeType: 'application/json' },
    async (uri, { id }) => json(uri, await ops.task(String(id))),
  );
}
