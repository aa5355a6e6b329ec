/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { useTimeTracking } from '@/hooks/use-quest-player';
import { useVisibleSeconds } from '@/hooks/use-visible-seconds';
import { PROGRESS_ID, makeDetail, makeProgress, mockFetch, renderWithPlayer } from './fixtures';

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeAll(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});
beforeEach(() => {
  jest.useFakeTimers();
  visibility = 'visible';
});
afterEach(() => {
  jest.useRealTimers();
});

describe('useVisibleSeconds', () => {
  it('counts seconds only while the page is visible, and reports going to the background', () => {
    const onSecond = jest.fn();
    const onHidden = jest.fn();
    renderHook(() => useVisibleSeconds(true, onSecond, onHidden));
    act(() => jest.advanceTimersByTime(3_000));
    expect(onSecond).toHaveBeenCalledTimes(3);

    act(() => setVisibility('hidden'));
    expect(onHidden).toHaveBeenCalledTimes(1);
    act(() => jest.advanceTimersByTime(5_000));
    expect(onSecond).toHaveBeenCalledTimes(3);

    act(() => setVisibility('visible'));
    act(() => jest.advanceTimersByTime(2_000));
    expect(onSecond).toHaveBeenCalledTimes(5);
  });

  it('does nothing while disabled', () => {
    const onSecond = jest.fn();
    renderHook(() => useVisibleSeconds(false, onSecond));
    act(() => jest.advanceTimersByTime(3_000));
    expect(onSecond).not.toHaveBeenCalled();
  });
});

function Tracker({ inProgress }: { inProgress: boolean }) {
  useTimeTracking(PROGRESS_ID, inProgress);
  return null;
}

describe('useTimeTracking', () => {
  it('sends the cumulative visible time every 30 s without moving the step', async () => {
    const { calls } = mockFetch({ body: { success: true, progress: makeProgress({ currentStep: 2, progressPercentage: 50, timeSpent: 130 }) } });
    renderWithPlayer(<Tracker inProgress />, makeDetail({ currentStep: 2, progressPercentage: 50, timeSpent: 100 }));

    act(() => jest.advanceTimersByTime(29_000));
    expect(calls).toHaveLength(0);
    await act(async () => {
      jest.advanceTimersByTime(1_000);
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ url: `/api/progress/${PROGRESS_ID}`, method: 'PUT', body: { currentStep: 2, progressPercentage: 50, timeSpent: 130 } });
  });

  it('saves what was counted when the page goes to the background', async () => {
    const { calls } = mockFetch({ body: { success: true, progress: makeProgress({ timeSpent: 7 }) } });
    renderWithPlayer(<Tracker inProgress />, makeDetail({ timeSpent: 0 }));
    act(() => jest.advanceTimersByTime(7_000));
    await act(async () => setVisibility('hidden'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toMatchObject({ currentStep: 0, timeSpent: 7 });
  });

  it('stops counting once the quest is completed', async () => {
    const { calls } = mockFetch();
    renderWithPlayer(<Tracker inProgress={false} />, makeDetail({ status: 'completed', currentStep: 4 }));
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(calls).toHaveLength(0);
  });
});
