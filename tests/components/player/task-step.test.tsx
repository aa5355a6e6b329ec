/** @jest-environment jsdom */
import { act, fireEvent, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { TaskStep } from '@/components/player/task-step';
import { useProgressDetail } from '@/hooks/use-quest-player';
import { PROGRESS_ID, makeDetail, makeProgress, mockFetch, renderWithPlayer } from './fixtures';

/** Each sent event carries a fresh client event id (offline sync, contract 4). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

jest.mock('@/components/markdown/markdown', () => require('./markdown-mock'));
jest.mock('@/components/player/player-markdown', () => require('./player-markdown-mock'));

function TaskFromCache() {
  const step = useProgressDetail(PROGRESS_ID).data?.steps[3];
  return step ? <TaskStep progressId={PROGRESS_ID} step={step} /> : null;
}

describe('TaskStep', () => {
  it('enables "Mark task complete" only once every item is ticked', () => {
    renderWithPlayer(<TaskFromCache />, makeDetail({ currentStep: 3 }));
    const done = screen.getByRole('button', { name: 'Mark task complete' });
    expect(done).toBeDisabled();
    expect(screen.getByText(/0 of 2 done/)).toBeInTheDocument();

    fireEvent.click(screen.getByLabelText('Uses header, nav, main and footer'));
    expect(done).toBeDisabled();
    // Checklist items are plain text: an HTML tag in one is shown, not parsed.
    fireEvent.click(screen.getByLabelText('Menu items are <a href> links'));
    expect(done).toBeEnabled();

    fireEvent.click(screen.getByLabelText('Menu items are <a href> links'));
    expect(done).toBeDisabled();
  });

  it('confirms with every checklist id and then shows the task as complete', async () => {
    const { calls } = mockFetch({ body: { success: true, correct: true, explanation: null, progress: makeProgress({ currentStep: 3 }) } });
    renderWithPlayer(<TaskFromCache />, makeDetail({ currentStep: 3 }));
    fireEvent.click(screen.getByLabelText('Menu items are <a href> links'));
    fireEvent.click(screen.getByLabelText('Uses header, nav, main and footer'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mark task complete' }));
    });
    expect(calls[0]).toEqual({ url: `/api/progress/${PROGRESS_ID}/steps/3`, method: 'POST', body: { answer: ['c1', 'c2'], clientEventId: expect.stringMatching(UUID) } });
    expect(await screen.findByText('Task complete')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark task complete' })).not.toBeInTheDocument();
  });
});
