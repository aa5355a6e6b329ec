'use client';

import { useEffect, useRef, useState } from 'react';
import type { AchievementCriteria } from '@/lib/achievements/criteria';
import { ApiRequestError, apiFetch } from '@/lib/api/client';

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; last: { qualifying: number; alreadyHeld: number } | null }
  | { status: 'ready'; qualifying: number; alreadyHeld: number }
  | { status: 'error'; message: string };

/** Wait this long after the last change before asking: typing "150" asks once, not three times. */
const DEBOUNCE_MS = 400;

/**
 * How many learners already meet `criteria`, re-counted (debounced) whenever they change, and
 * again when `refreshKey` changes (after a backfill). Answers to superseded requests are dropped.
 * `criteria: null` (the inputs are not valid yet) leaves the count idle.
 */
export function useQualifyingPreview(criteria: AchievementCriteria | null, achievementId: string | null, refreshKey = 0): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const latest = useRef(0);
  const key = criteria ? JSON.stringify(criteria) : null;

  useEffect(() => {
    const request = ++latest.current;
    if (key === null) {
      setState({ status: 'idle' });
      return;
    }
    setState((previous) => ({
      status: 'loading',
      last: previous.status === 'ready' ? { qualifying: previous.qualifying, alreadyHeld: previous.alreadyHeld } : previous.status === 'loading' ? previous.last : null,
    }));
    const timer = setTimeout(async () => {
      try {
        const body = { criteria: JSON.parse(key) as AchievementCriteria, ...(achievementId ? { achievementId } : {}) };
        const result = await apiFetch<{ qualifying: number; alreadyHeld: number }>('/api/admin/achievements/preview', { body });
        if (request === latest.current) setState({ status: 'ready', qualifying: result.qualifying, alreadyHeld: result.alreadyHeld });
      } catch (error) {
        if (request !== latest.current) return;
        setState({ status: 'error', message: error instanceof ApiRequestError ? error.body.message : 'Could not count qualifying learners.' });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, achievementId, refreshKey]);

  return state;
}
