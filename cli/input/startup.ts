/** The queries every terminal makes once connected; both modes merge the replies into their room. */
import type { HuddleClient } from '../../collaboration-server/client.js';
import type { ReplyData } from '../../collaboration-server/protocol.js';

export interface StartupReplies {
  tasks(reply: Extract<ReplyData, { kind: 'tasks' }>): void;
  escalations(reply: Extract<ReplyData, { kind: 'escalations' }>): void;
  /** a failed query is worth a line, not the end of the terminal */
  failed(err: Error): void;
}

/** The sprint's tasks for everyone; the open escalations too for the product owner, who answers them. Never holds up input. */
export function askStartup(client: Pick<HuddleClient, 'request'>, role: string, on: StartupReplies): void {
  client.request({ type: 'tasks' }).then(on.tasks, on.failed);
  if (role === 'human') client.request({ type: 'escalations', status: 'open' }).then(on.escalations, on.failed);
}
