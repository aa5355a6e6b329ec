'use client';

import { useEffect, useRef } from 'react';

/**
 * Calls `onSecond` once per second while the page is visible (document.visibilityState) and
 * `enabled` is true: time in a background tab or a minimised window does not count. `onHidden`
 * runs when the page goes to the background, e.g. to save what was counted so far.
 */
export function useVisibleSeconds(enabled: boolean, onSecond: () => void, onHidden?: () => void) {
  const callbacks = useRef({ onSecond, onHidden });
  useEffect(() => {
    callbacks.current = { onSecond, onHidden };
  });

  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') callbacks.current.onSecond();
    }, 1000);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') callbacks.current.onHidden?.();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [enabled]);
}
