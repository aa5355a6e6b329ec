'use client';

import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus to `target` whenever `value` changes after the first render, so screen reader and
 * keyboard users land on new content (a step's heading, the finish screen) instead of the body.
 * The first render is left alone: opening a page should not steal focus from the skip link.
 */
export function useFocusOnChange(value: unknown, target: RefObject<HTMLElement | null>) {
  const previous = useRef(value);
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    target.current?.focus();
  }, [value, target]);
}
