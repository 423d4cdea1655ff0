import { useEffect, useState } from 'react';

/** A frame counter that ticks while `active`, for the status bar's spinner. */
export function useSpinner(active: boolean, intervalMs = 100): number {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setFrame((f) => f + 1), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return frame;
}
