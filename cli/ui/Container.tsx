/**
 * The container: owns the reducer and the hub binding, turns named key actions into state changes
 * and hub frames, and hands plain state to <App>. Components below it only render.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useApp, useInput, useStdout } from 'ink';
import type { HuddleClient } from '../../collaboration-server/client.js';
import type { RoleSpec } from '../../agents/roles.js';
import { runInput, type CommandContext, type CommandResult } from '../input/commands.js';
import { complete } from '../input/complete.js';
import type { Me } from '../input/room.js';
import { App } from './App.js';
import { keyActions, type KeyAction } from './keys.js';
import { initialState, promptEscalation, reduce, type UiAction, type UiState } from './state.js';
import { useStore } from './use-store.js';
import { useHub } from './use-hub.js';
import { useSpinner } from './use-spinner.js';
import { useAway } from './use-away.js';
import type { Timers } from './idle.js';

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

const PAGE = 10;

export function Container({ connect, me, roles, onExit, awayAfterMs = 0, timers }: ContainerProps) {
  const [state, dispatch, latest] = useStore<UiState, UiAction>(reduce, () => initialState(me, roles));
  const inFlight = useRef(new Set<Promise<unknown>>());
  const { exit } = useApp();
  const { stdout } = useStdout();

  const finish = useCallback(
    (err?: unknown) => {
      onExit(err);
      exit();
    },
    [exit, onExit],
  );
  const client = useHub(connect, me.role, dispatch, finish);
  const touch = useAway(client, awayAfterMs, timers);
  const spinnerFrame = useSpinner(state.connection === 'connecting' || state.connection === 'reconnecting');

  /** Runs something that talks to the hub; the status bar counts what waits in the outbox meanwhile. */
  const track = (work: Promise<CommandResult>) => {
    inFlight.current.add(work);
    const queued = () => client && dispatch({ type: 'connection', state: client.state, queued: client.pendingCount });
    queued();
    void work.then(async (result) => {
      inFlight.current.delete(work);
      dispatch({ type: 'result', result, ts: Date.now() });
      queued();
      if (result.kind === 'quit') {
        while (inFlight.current.size) await Promise.all(inFlight.current);
        finish();
      }
    });
  };

  // lines typed before the first connection are kept and sent once there is a client
  const early = useRef<string[]>([]);
  useEffect(() => {
    if (!client) return;
    for (const line of early.current.splice(0)) track(runInput({ me, hub: client, room: () => latest().room }, line));
    // run once, when the client arrives
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  const submit = (line: string) => {
    const state = latest();
    dispatch({ type: 'submitted', line });
    if (!client) {
      if (line.trim()) early.current.push(line);
      dispatch({ type: 'connection', state: state.connection, queued: early.current.length });
      return;
    }
    const ctx: CommandContext = { me, hub: client, room: () => latest().room };
    const escalation = state.focus === 'escalation' ? promptEscalation(state) : undefined;
    if (escalation && !line.trim().startsWith('/')) {
      const option = escalation.options[state.selected];
      const text = line.trim();
      // a typed line is the answer (its first word may name an option); else the highlighted option
      const args = text ? `${escalation.id} ${text}` : option ? `${escalation.id} ${option.key}` : null;
      if (!args) return;
      track(runInput(ctx, `/answer ${args}`));
      return;
    }
    track(runInput(ctx, line));
  };

  /** Applies one action to the input `line` as it is now; returns the input it leaves. */
  const perform = (action: KeyAction, line: string): string => {
    const edit = (text: string) => {
      dispatch({ type: 'input', text });
      return text;
    };
    switch (action.type) {
      case 'insert':
        return edit(line + action.text);
      case 'backspace':
        return edit(line.slice(0, -1));
      case 'clear-line':
        return edit('');
      case 'submit':
        submit(line);
        return '';
      case 'complete': {
        const result = complete(line, latest().room.roster.map((p) => p.name));
        dispatch({ type: 'input', text: result.line, completions: result.options });
        return result.line;
      }
      case 'history-older':
        dispatch({ type: 'history', direction: 'older' });
        return line;
      case 'history-newer':
        dispatch({ type: 'history', direction: 'newer' });
        return line;
      case 'page-up':
        dispatch({ type: 'scroll', by: PAGE });
        return line;
      case 'page-down':
        dispatch({ type: 'scroll', by: -PAGE });
        return line;
      case 'option-prev':
        dispatch({ type: 'select', by: -1 });
        return line;
      case 'option-next':
        dispatch({ type: 'select', by: 1 });
        return line;
      case 'focus-input':
        dispatch({ type: 'focus', focus: 'input' });
        return line;
      case 'focus-escalation':
        dispatch({ type: 'focus', focus: 'escalation' });
        return line;
      case 'quit':
        finish();
        return line;
    }
  };

  useInput((input, key) => {
    touch();
    for (const action of keyActions(input, key, latest().focus)) perform(action, latest().input);
  });

  return <App state={state} spinnerFrame={spinnerFrame} rows={stdout.rows || 30} />;
}
