'use client';

import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Focuses the element with `id`, or the first control inside it when it is a group. */
export function focusElementById(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  const target = element.matches(FOCUSABLE) ? element : (element.querySelector<HTMLElement>(FOCUSABLE) ?? element);
  if (target === element && !element.matches(FOCUSABLE) && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
  return true;
}

/**
 * After "Add …", moves focus to the new item's first field (marked `data-focus-on-add`) inside
 * `containerRef`, so keyboard and screen reader users land where they can type.
 */
export function useFocusOnAdd<T extends HTMLElement>(count: number): { containerRef: RefObject<T | null>; expectAdd: () => void } {
  const containerRef = useRef<T>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    const targets = containerRef.current?.querySelectorAll<HTMLElement>('[data-focus-on-add]');
    targets?.[targets.length - 1]?.focus();
  }, [count]);
  return {
    containerRef,
    expectAdd: () => {
      pending.current = true;
    },
  };
}
