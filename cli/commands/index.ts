import type { Command } from 'commander';
import { registerServer } from './server.js';
import { registerToken } from './token.js';
import { registerSay } from './say.js';
import { registerWho } from './who.js';
import { registerHistory } from './history.js';
import { registerUp } from './up.js';
import { registerOrchestrator } from './orchestrator.js';
import { registerAgent } from './agent.js';
import { registerTasks } from './tasks.js';
import { registerTask } from './task.js';
import { registerStatus } from './status.js';
import { registerReport } from './report.js';
import { registerEscalations } from './escalations.js';
import { registerAnswer } from './answer.js';
import { registerMcp } from './mcp.js';
import { registerInbox } from './inbox.js';
import { registerParticipants } from './participants.js';
import { registerReset, registerRevoke } from './revoke.js';
import { registerBackup } from './backup.js';
import { registerPlan } from './plan.js';
import { registerExplain } from './explain.js';
import { registerWeb } from './web.js';

/** Every subcommand, in the order `huddle --help` lists them. */
export const COMMANDS: ((program: Command) => void)[] = [registerUp, registerServer, registerOrchestrator, registerToken, registerSay, registerWho, registerHistory, registerAgent, registerTasks, registerTask, registerStatus, registerReport, registerEscalations, registerAnswer, registerPlan, registerExplain, registerParticipants, registerRevoke, registerReset, registerBackup, registerMcp, registerInbox, registerWeb];
