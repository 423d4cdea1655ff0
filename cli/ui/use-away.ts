import { useCallback, useEffect, useRef } from 'react';
import type { HuddleClient } from '../../collaboration-server/client.js';
import { watchIdle, type IdleWatch, type Timers } from './idle.js';

/**
 * Marks this terminal away after `afterMs` without a key (0: never) and online at the next key.
 * Returns the function to call on every key.
 */
export function useAway(client: HuddleClient | undefined, afterMs: number, timers?: Timers): () => void {
  const watch = useRef<IdleWatch | undefined>(undefined);
  useEffect(() => {
    if (!client || !(afterMs > 0)) return;
    // only said while connected: a reconnect makes the hub see the terminal online anyway (see `rejoined`)
    const say = (status: 'away' | 'online') => {
      if (client.state === 'online') client.send({ type: 'presence', status }).catch(() => {}); // a refused presence is not worth a line
    };
    const idle = watchIdle({ afterMs, timers, onIdle: () => say('away'), onBack: () => say('online') });
    const rejoined = () => idle.idle && say('away');
    client.on('welcome', rejoined);
    watch.current = idle;
    return () => {
      idle.stop();
      client.off('welcome', rejoined);
      watch.current = undefined;
    };
  }, [client, afterMs, timers]);
  return useCallback(() => watch.current?.touch(), []);
}
