import type { Command } from 'commander';
import { registerServer } from './server.js';
import { registerToken } from './token.js';
import { registerSay } from './say.js';
import { registerWho } from './who.js';
import { registerHistory } from './history.js';

/** Every subcommand, in the order `huddle --help` lists them. */
export const COMMANDS: ((program: Command) => void)[] = [registerServer, registerToken, registerSay, registerWho, registerHistory];
