import { Command } from 'commander';
import { fileCredentialStore } from '../../collaboration-server/credential-store.js';
import { resolveConnection, resolveDataDir } from '../../collaboration-server/data-dir.js';
import { HuddleError, toHuddleError } from '../../collaboration-server/errors.js';
import type { LoginLink, WebHandler } from '../../collaboration-server/web/web-handler.js';
import { DEFAULT_OWNER } from '../../collaboration-server/web/web-identity.js';
import { withConnectionFlags } from '../connect.js';
import { printLines } from '../output.js';

/** The line `huddle web` and `huddle up` print: a link that signs the browser in once. */
export const webLine = (link: LoginLink): string =>
  `huddle web: open ${link.url} to see the board as ${link.participant.name} (the link works once, for 10 minutes; \`huddle web\` makes another)`;

/**
 * What `huddle up` prints about the page: a login link for the product owner, proved with their
 * credential from the data folder (or, before they have joined, by the hub itself), else what to run.
 */
export function upWebLine(web: WebHandler, dataDir: string): string {
  try {
    return webLine(web.loginLink({ credential: fileCredentialStore(dataDir).load(DEFAULT_OWNER.name) }));
  } catch (err) {
    return `huddle web: no login link for "${DEFAULT_OWNER.name}" (${toHuddleError(err).message}); \`huddle web --name NAME\` makes one where NAME joined`;
  }
}

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
      .option('--name <name>', `the participant the page acts as (default "${DEFAULT_OWNER.name}"); run it where they joined, as their credential proves who they are`, undefined)
      .action(async (opts: { url?: string; token?: string; data?: string; name?: string }) => {
        const target = resolveConnection({ url: opts.url, token: opts.token, data: opts.data, role: 'human' });
        const base = pageUrlOf(target.url);
        // Who the page acts as is proved as a join proves it: the participant's own credential from this
        // data folder; without one, the admin token, which the hub accepts only for a name that has not joined.
        const credential = fileCredentialStore(resolveDataDir(opts.data)).load(opts.name ?? DEFAULT_OWNER.name);
        let res: Response;
        try {
          res = await fetch(`${base}/api/login-links`, {
            method: 'POST',
            headers: { authorization: `Bearer ${credential ?? target.token}`, 'content-type': 'application/json' },
            body: JSON.stringify(opts.name ? { name: opts.name } : {}),
          });
        } catch (err) {
          throw new HuddleError('DISCONNECTED', `Could not reach the hub at ${base}: ${(err as Error).message}. Is it running? Start it with \`huddle up\`.`);
        }
        const body = (await res.json().catch(() => ({}))) as LoginLink & { error?: { code: string; message: string } };
        if (!res.ok) throw new HuddleError(res.status === 404 ? 'NOT_FOUND' : res.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', body.error?.message ?? `The hub answered ${res.status}.`);
        printLines([webLine(body)]);
      }),
  );
}
