import { useEffect, useRef } from 'react';

/** What ink's stdout offers: its size, its resize event, and a write that ink redraws after. */
export interface Screen {
  columns?: number;
  rows?: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

/** A terminal that says nothing of its size (a test's stream) is taken as this big. */
export const FALLBACK_SIZE = { columns: 100, rows: 30 };

export const sizeOf = (screen: Screen) => ({ columns: screen.columns || FALLBACK_SIZE.columns, rows: screen.rows || FALLBACK_SIZE.rows });

/** Tells `onSize` the terminal's size now and at every resize, then redraws the whole screen (`redraw`) once the new layout is drawn. */
export function useTerminalSize(screen: Screen, onSize: (size: { columns: number; rows: number }) => void, redraw: () => void): void {
  const resized = useRef(0);
  useEffect(() => {
    onSize(sizeOf(screen));
    const onResize = () => {
      onSize(sizeOf(screen));
      resized.current++;
    };
    screen.on('resize', onResize);
    return () => void screen.off('resize', onResize);
    // once per screen
  }, [screen]);
  const seen = resized.current;
  useEffect(() => {
    // the terminal reflowed what was on it: draw everything again rather than patch it
    if (seen) redraw();
  }, [seen]);
}
