import { createQuestPlayerStore } from '@/store/quest-player-store';

const init = { progressId: 'p1', totalSteps: 5, currentStep: 2, completed: false, timeSpent: 40 };

describe('quest player store', () => {
  it('resumes at the server’s current step, clamped to a real step', () => {
    expect(createQuestPlayerStore(init).getState()).toMatchObject({ stepIndex: 2, view: 'steps', elapsedSeconds: 40 });
    // A completed quest has currentStep === totalSteps: it opens on the summary, at the last step.
    expect(createQuestPlayerStore({ ...init, currentStep: 5, completed: true }).getState()).toMatchObject({
      stepIndex: 4,
      view: 'summary',
    });
    expect(createQuestPlayerStore({ ...init, currentStep: -3 }).getState().stepIndex).toBe(0);
  });

  it('keeps one pending choice per single-answer quiz, and toggles choices of a multiple-answer one', () => {
    const store = createQuestPlayerStore(init);
    const { toggleChoice } = store.getState();
    toggleChoice(1, 'a', false);
    toggleChoice(1, 'b', false);
    expect(store.getState().drafts[1]).toEqual(['b']);

    toggleChoice(2, 'a', true);
    toggleChoice(2, 'c', true);
    toggleChoice(2, 'a', true);
    expect(store.getState().drafts[2]).toEqual(['c']);
    // Drafts are per step: the first quiz's choice is untouched.
    expect(store.getState().drafts[1]).toEqual(['b']);
  });

  it('moves between steps within the quest and back to the steps from the summary', () => {
    const store = createQuestPlayerStore(init);
    store.getState().goTo(3);
    expect(store.getState().stepIndex).toBe(3);
    store.getState().goTo(99);
    expect(store.getState().stepIndex).toBe(4);
    store.getState().goTo(-1);
    expect(store.getState().stepIndex).toBe(0);

    store.getState().completeWith({ score: 80, xpEarned: 100, achievementsUnlocked: [], level: null });
    expect(store.getState()).toMatchObject({ view: 'summary', finish: { score: 80, xpEarned: 100 } });
    store.getState().review();
    expect(store.getState()).toMatchObject({ view: 'steps', stepIndex: 0 });
    store.getState().showSummary();
    expect(store.getState().view).toBe('summary');
  });

  it('adds counted seconds to the time the server already had', () => {
    const store = createQuestPlayerStore(init);
    store.getState().tick();
    store.getState().tick(4);
    expect(store.getState().elapsedSeconds).toBe(45);
  });

  it('announces each toast once and dismisses it by id', () => {
    const store = createQuestPlayerStore(init);
    const toast = { id: 'achievement-1', title: 'Achievement unlocked: First steps', description: 'Finish a quest' };
    store.getState().announce([toast]);
    store.getState().announce([toast]);
    expect(store.getState().announcements).toHaveLength(1);
    store.getState().dismissAnnouncement('achievement-1');
    expect(store.getState().announcements).toEqual([]);
  });
});
