/** Binds a hub client to the UI reducer: connects, seeds the room, and turns client events into actions. */
import { useEffect, useState, type Dispatch } from 'react';
import type { HuddleClient } from '../../collaboration-server/client.js';
import { errorResult } from '../input/commands.js';
import { askStartup } from '../input/startup.js';
import type { UiAction } from './state.js';

export function useHub(connect: () => Promise<HuddleClient>, role: string, dispatch: Dispatch<UiAction>, onFatal: (err: unknown) => void): HuddleClient | undefined {
  const [client, setClient] = useState<HuddleClient>();
  useEffect(() => {
    let live: HuddleClient | undefined;
    let cancelled = false;
    connect().then(
      (c) => {
        if (cancelled) return c.close();
        live = c;
        const connection = () => dispatch({ type: 'connection', state: c.state, queued: c.pendingCount });
        c.on('event', (event) => dispatch({ type: 'event', event }));
        c.on('welcome', (welcome) => dispatch({ type: 'welcome', welcome }));
        c.on('state', connection);
        const show = (err: unknown) => dispatch({ type: 'result', result: errorResult(err), ts: Date.now() });
        c.on('problem', show);
        if (c.welcome) dispatch({ type: 'welcome', welcome: c.welcome });
        connection();
        setClient(c);
        askStartup(c, role, { tasks: (reply) => dispatch({ type: 'tasks', reply }), escalations: (reply) => dispatch({ type: 'escalations', reply }), failed: show });
      },
      (err) => onFatal(err),
    );
    return () => {
      cancelled = true;
      live?.close();
    };
    // connect once per mount
  }, []);
  return client;
}
