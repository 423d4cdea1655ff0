/** Binds a hub client to the UI reducer: connects, seeds the room, and turns client events into actions. */
import { useEffect, useState, type Dispatch } from 'react';
import type { HuddleClient } from '../../collaboration-server/client.js';
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
        c.on('problem', (err) => dispatch({ type: 'result', result: { kind: 'error', message: err.message }, ts: Date.now() }));
        if (c.welcome) dispatch({ type: 'welcome', welcome: c.welcome });
        connection();
        setClient(c);
        // a failed start-up query is worth a line, not the end of the terminal
        const show = (err: Error) => dispatch({ type: 'result', result: { kind: 'error', message: err.message }, ts: Date.now() });
        c.request({ type: 'tasks' }).then((reply) => dispatch({ type: 'tasks', reply }), show);
        if (role === 'human') c.request({ type: 'escalations', status: 'open' }).then((reply) => dispatch({ type: 'escalations', reply }), show);
      },
      (err) => onFatal(err),
    );
    return () => {
      cancelled = true;
      live?.close();
    };
    // connect once per mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return client;
}
