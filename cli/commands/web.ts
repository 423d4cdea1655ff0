import { Command } from 'commander';
import { resolveConnection } from '../../collaboration-server/data-dir.js';
import { HuddleError } from '../../collaboration-server/errors.js';
import type { LoginLink } from '../../collaboration-server/web/web-handler.js';
import { withConnectionFlags } from '../connect.js';

/** The line `huddle web` and `huddle up` print: a link that signs the browser in once. */
export const webLine = (link: LoginLink): string =>
  `huddle web: open ${link.url} to see the board as ${link.participant.name} (the link works once, for 10 minutes; \`huddle web\` makes another)`;

/** The page's address on a hub's own port: http instead of ws, and this machine for a wildcard address. */
export function pageUrlOf(hubUrl: string): string {
  const url = new URL(hubUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  url.pathname = '';
  url.search = '';
  return url.origin;
}

export function registerWeb(program: Command): void {
  program.addCommand(
    withConnectionFlags(new Command('web'))
      .description('print a one-time login link to the web page: the board, the team, escalations, burndown, report')
      .option('--name <name>', 'the participant the page acts as (someone who has joined)', undefined)
      .action(async (opts: { url?: string; token?: string; data?: string; name?: string }) => {
        const target = resolveConnection({ url: opts.url, token: opts.token, data: opts.data, role: 'human' });
        const base = pageUrlOf(target.url);
        let res: Response;
        try {
          res = await fetch(`${base}/api/login-links`, {
            method: 'POST',
            headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
            body: JSON.stringify(opts.name ? { name: opts.name } : {}),
          });
        } catch (err) {
          throw new HuddleError('DISCONNECTED', `Could not reach the hub at ${base}: ${(err as Error).message}. Is it running? Start it with \`huddle up\`.`);
        }
        const body = (await res.json().catch(() => ({}))) as LoginLink & { error?: { code: string; message: string } };
        if (!res.ok) throw new HuddleError(res.status === 404 ? 'NOT_FOUND' : res.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', body.error?.message ?? `The hub answered ${res.status}.`);
        process.stdout.write(`${webLine(body)}\n`);
      }),
  );
}
