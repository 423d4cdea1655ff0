import { useEffect } from 'react';
import { realTimers, type Timers } from './idle.js';

/** What ink's stdout offers: its size and its resize event. */
export interface Screen {
  columns?: number;
  rows?: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

/** A terminal that says nothing of its size (a test's stream) is taken as this big. */
export const FALLBACK_SIZE = { columns: 100, rows: 30 };

export const sizeOf = (screen: Screen) => ({ columns: screen.columns || FALLBACK_SIZE.columns, rows: screen.rows || FALLBACK_SIZE.rows });

/**
 * ink draws at most 30 frames a second, so the frame of the new size is out within two frames of a
 * resize; the whole screen is drawn again after it.
 */
export const REDRAW_AFTER_MS = 70;

/**
 * Tells `onSize` the terminal's size now and at every resize. The terminal has moved or reflowed
 * what was on it by then, so once the new layout is drawn the whole screen is drawn again (`redraw`)
 * rather than patched.
 */
export function useTerminalSize(screen: Screen, onSize: (size: { columns: number; rows: number }) => void, redraw: () => void, timers: Timers = realTimers): void {
  useEffect(() => {
    onSize(sizeOf(screen));
    let pending: unknown;
    const onResize = () => {
      onSize(sizeOf(screen));
      timers.clearTimeout(pending);
      pending = timers.setTimeout(redraw, REDRAW_AFTER_MS);
    };
    screen.on('resize', onResize);
    return () => {
      timers.clearTimeout(pending);
      screen.off('resize', onResize);
    };
    // once per screen
  }, [screen]);
}
