import { useCallback, useRef, useState } from 'react';

/**
 * useReducer whose latest state can be read at once: two keys can arrive before the next render
 * (Down then Enter), and the second must see what the first did.
 */
export function useStore<S, A>(reduce: (state: S, action: A) => S, init: () => S): [S, (action: A) => void, () => S] {
  const store = useRef<S | undefined>(undefined);
  if (store.current === undefined) store.current = init();
  const [, rendered] = useState(0);
  const dispatch = useCallback(
    (action: A) => {
      store.current = reduce(store.current as S, action);
      rendered((n) => n + 1);
    },
    [reduce],
  );
  const get = useCallback(() => store.current as S, []);
  return [store.current, dispatch, get];
}
