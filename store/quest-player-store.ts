import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LevelChange, UnlockedAchievement } from '@/lib/progress/player-types';

/**
 * Client-only state of one quest player: which step is on screen, the learner's unsent
 * selections, the seconds spent while the page was visible and the result of finishing.
 * Server data (progress, steps, graded results) lives in TanStack Query, not here.
 *
 * One store per mounted player (created by QuestPlayerStoreProvider), never a module-level
 * singleton: during server rendering a shared store would leak between requests.
 */

export type PlayerView = 'steps' | 'summary';

export interface FinishResult {
  score: number | null;
  xpEarned: number;
  achievementsUnlocked: UnlockedAchievement[];
  level: LevelChange | null;
}

/** A toast-like announcement: an unlocked achievement or a level up. */
export interface Announcement {
  id: string;
  title: string;
  description: string;
}

export interface QuestPlayerInit {
  progressId: string;
  totalSteps: number;
  /** The server's `currentStep`; clamped to a real step. */
  currentStep: number;
  completed: boolean;
  /** Seconds already recorded by the server. */
  timeSpent: number;
}

export interface QuestPlayerState {
  progressId: string;
  totalSteps: number;
  /** The step on screen (0-based); may be behind the server's `currentStep` while reviewing. */
  stepIndex: number;
  view: PlayerView;
  /** Unsent selections per step position (quiz choices, ticked checklist items). */
  drafts: Record<number, string[]>;
  /** Cumulative seconds: the server's value at load plus the visible seconds counted since. */
  elapsedSeconds: number;
  finish: FinishResult | null;
  /** Toasts to show: achievements (from finishing, or a streak day while answering), level ups. */
  announcements: Announcement[];
  /** The last failed action, shown as an alert next to the step navigation. */
  error: string | null;

  goTo(index: number): void;
  /** Radio behaviour (replace) when `multiple` is false, checkbox behaviour (toggle) otherwise. */
  toggleChoice(position: number, choiceId: string, multiple: boolean): void;
  tick(seconds?: number): void;
  setError(message: string | null): void;
  completeWith(result: FinishResult): void;
  announce(items: Announcement[]): void;
  dismissAnnouncement(id: string): void;
  review(): void;
  showSummary(): void;
}

const clampStep = (index: number, totalSteps: number) => Math.min(Math.max(0, Math.floor(index)), Math.max(0, totalSteps - 1));

export function createQuestPlayerStore(init: QuestPlayerInit): StoreApi<QuestPlayerState> {
  return createStore<QuestPlayerState>()((set) => ({
    progressId: init.progressId,
    totalSteps: init.totalSteps,
    stepIndex: clampStep(init.currentStep, init.totalSteps),
    view: init.completed ? 'summary' : 'steps',
    drafts: {},
    elapsedSeconds: Math.max(0, init.timeSpent),
    finish: null,
    announcements: [],
    error: null,

    goTo: (index) => set((s) => ({ stepIndex: clampStep(index, s.totalSteps), view: 'steps' })),
    toggleChoice: (position, choiceId, multiple) =>
      set((s) => {
        const current = s.drafts[position] ?? [];
        const next = !multiple ? [choiceId] : current.includes(choiceId) ? current.filter((id) => id !== choiceId) : [...current, choiceId];
        return { drafts: { ...s.drafts, [position]: next } };
      }),
    tick: (seconds = 1) => set((s) => ({ elapsedSeconds: s.elapsedSeconds + seconds })),
    setError: (error) => set({ error }),
    completeWith: (finish) => set({ finish, view: 'summary', error: null }),
    announce: (items) =>
      set((s) => ({
        announcements: [...s.announcements, ...items.filter((a) => !s.announcements.some((b) => b.id === a.id))],
      })),
    dismissAnnouncement: (id) => set((s) => ({ announcements: s.announcements.filter((a) => a.id !== id) })),
    review: () => set({ view: 'steps', stepIndex: 0, error: null }),
    showSummary: () => set({ view: 'summary', error: null }),
  }));
}

export const QuestPlayerStoreContext = createContext<StoreApi<QuestPlayerState> | null>(null);

/** The player's store API, for actions called outside render (mutation callbacks, timers). */
export function useQuestPlayerStoreApi(): StoreApi<QuestPlayerState> {
  const store = useContext(QuestPlayerStoreContext);
  if (!store) throw new Error('useQuestPlayerStore must be used inside QuestPlayerStoreProvider');
  return store;
}

/** Subscribes to a slice of the player's state. */
export function useQuestPlayerStore<T>(selector: (state: QuestPlayerState) => T): T {
  return useStore(useQuestPlayerStoreApi(), selector);
}
