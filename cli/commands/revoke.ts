/** `huddle revoke NAME` and `huddle reset NAME`: the product owner's hold on who may join as a name. */
import { Command } from 'commander';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';

const ACTIONS = {
  revoke: {
    description: 'stop a participant: its credential is refused and its connections are closed, until `huddle reset NAME`; needs the admin token',
    done: (name: string) => `Revoked ${name}: nobody may join as ${name} until you run \`huddle reset "${name}"\`.`,
  },
  reset: {
    description: 'let a name be joined afresh: the next join as NAME takes it (and may pick its role) and gets a new credential; needs the admin token',
    done: (name: string) => `Reset ${name}: the next join as ${name} takes the name and gets a new credential. Its tasks and messages stay.`,
  },
} as const;

function credentialCommand(action: keyof typeof ACTIONS): Command {
  return withIdentityFlags(new Command(action))
    .description(ACTIONS[action].description)
    .argument('<name>', 'the participant, exactly as `huddle participants` lists it')
    .option('--json', 'print the acknowledgement as JSON')
    .addHelpText('after', `\nFor someone who lost their credential (a new machine, a deleted data folder): reset. To shut someone out: revoke, then reset once the rightful person is ready to join.`)
    .action(async (name: string, opts: IdentityOptions & { json?: boolean }) => {
      const ack = await withClient(opts, (client) => client.send({ type: 'participant_credential', name, action }));
      if (opts.json) printJson(ack);
      else printLines([ACTIONS[action].done(name)]);
    });
}

export const registerRevoke = (program: Command): void => void program.addCommand(credentialCommand('revoke'));
export const registerReset = (program: Command): void => void program.addCommand(credentialCommand('reset'));
