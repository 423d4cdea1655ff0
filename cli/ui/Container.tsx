/**
 * The container: owns the store and the hub binding, turns keys into state changes and lines to run,
 * and hands plain state to <App>. The deciding is done elsewhere: keys.ts (keys → named actions),
 * key-outcome.ts (what an action means), state.ts (the reducer), use-submit.ts (running lines).
 */
import { useCallback } from 'react';
import { useApp, useInput, useStdout } from 'ink';
import type { HuddleClient } from '../../collaboration-server/client.js';
import type { RoleSpec } from '../../agents/roles.js';
import type { Me } from '../room.js';
import { App } from './App.js';
import { keyActions } from './keys.js';
import { keyOutcome } from './key-outcome.js';
import { initialState, reduce, type UiAction, type UiState } from './state.js';
import { useStore } from './use-store.js';
import { useHub } from './use-hub.js';
import { useSpinner } from './use-spinner.js';
import { useAway } from './use-away.js';
import { useSubmit } from './use-submit.js';
import { sizeOf, useTerminalSize } from './use-terminal-size.js';
import type { Timers } from './idle.js';

const CLEAR_TERMINAL = '\u001b[2J\u001b[3J\u001b[H';

export interface ContainerProps {
  connect: () => Promise<HuddleClient>;
  me: Me;
  roles: RoleSpec[];
  /** called once when the UI should end, with the error that ended it if any */
  onExit: (err?: unknown) => void;
  /** tell the room I am away after this long without a key; 0: never */
  awayAfterMs?: number;
  timers?: Timers;
}

export function Container({ connect, me, roles, onExit, awayAfterMs = 0, timers }: ContainerProps) {
  const { exit } = useApp();
  const { stdout, write } = useStdout();
  const [state, dispatch, latest] = useStore<UiState, UiAction>(reduce, () => initialState(me, roles, Date.now(), sizeOf(stdout)));
  // clear the terminal, its scrollback too; ink draws the last frame again after a write
  const redraw = useCallback(() => write(CLEAR_TERMINAL), [write]);
  useTerminalSize(stdout, (size) => dispatch({ type: 'resize', ...size }), redraw, timers);

  const finish = useCallback(
    (err?: unknown) => {
      onExit(err);
      exit();
    },
    [exit, onExit],
  );
  const client = useHub(connect, me.role, dispatch, finish);
  const submit = useSubmit(client, me, latest, dispatch, finish);
  const touch = useAway(client, awayAfterMs, timers);
  const spinnerFrame = useSpinner(state.connection === 'connecting' || state.connection === 'reconnecting');

  useInput((input, key) => {
    touch();
    // each action sees what the one before it did (a pasted `hello\r` is an insert, then a submit)
    for (const action of keyActions(input, key, latest().focus)) {
      const outcome = keyOutcome(action, latest());
      if (outcome.type === 'state') dispatch(outcome.action);
      else if (outcome.type === 'submit') submit(outcome.line);
      else if (outcome.type === 'redraw') redraw();
      else finish();
    }
  });

  return <App state={state} spinnerFrame={spinnerFrame} />;
}
