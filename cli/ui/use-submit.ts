import { useEffect, useRef } from 'react';
import type { HuddleClient } from '../../collaboration-server/client.js';
import { runInput, type CommandResult } from '../input/commands.js';
import type { Me } from '../room.js';
import { lineToRun, type UiAction, type UiState } from './state.js';

/**
 * Runs submitted lines against the hub. Lines typed before the first connection wait for it; the
 * status bar counts what is in flight, and chat typed while the hub is away shows in the chat as
 * pending; /quit ends the UI once everything typed before it was sent.
 */
export function useSubmit(client: HuddleClient | undefined, me: Me, latest: () => UiState, dispatch: (action: UiAction) => void, finish: () => void): (line: string) => void {
  const inFlight = useRef(new Set<Promise<unknown>>());
  const early = useRef<string[]>([]);

  const run = (hub: HuddleClient, line: string) => {
    const work: Promise<CommandResult> = runInput({ me, hub, room: () => latest().room }, line);
    inFlight.current.add(work);
    const queued = () => dispatch({ type: 'connection', state: hub.state, queued: hub.pendingCount });
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

  useEffect(() => {
    if (client) for (const line of early.current.splice(0)) run(client, line);
    // run once, when the client arrives
  }, [client]);

  // chat typed while the hub is away shows at once, as pending, until the hub relays it
  const showPending = (line: string | null) => {
    const text = line?.trim();
    if (text && !text.startsWith('/') && client?.state !== 'online') dispatch({ type: 'pending', text, ts: Date.now() });
  };

  return (line: string) => {
    const state = latest();
    dispatch({ type: 'submitted', line });
    if (client) {
      const command = lineToRun(state, line);
      showPending(command);
      if (command !== null) run(client, command);
      return;
    }
    showPending(line);
    if (line.trim()) early.current.push(line);
    dispatch({ type: 'connection', state: state.connection, queued: early.current.length });
  };
}
