/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import { QuizStep } from '@/components/player/quiz-step';
import { useProgressDetail } from '@/hooks/use-quest-player';
import { PROGRESS_ID, makeDetail, makeProgress, makeSteps, mockFetch, renderWithPlayer } from './fixtures';

/** Each sent event carries a fresh client event id (offline sync, contract 4). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

jest.mock('@/components/markdown/markdown', () => require('./markdown-mock'));
jest.mock('@/components/player/player-markdown', () => require('./player-markdown-mock'));

/** Renders the quiz at `position` from the query cache, as the player does, so grading re-renders it. */
function QuizFromCache({ position }: { position: number }) {
  const step = useProgressDetail(PROGRESS_ID).data?.steps[position];
  return step ? <QuizStep progressId={PROGRESS_ID} step={step} questionId="question" /> : null;
}

describe('QuizStep', () => {
  it('offers radios for a single-answer quiz and checkboxes when several answers are right', () => {
    const detail = makeDetail({ currentStep: 2 });
    const { unmount } = renderWithPlayer(<QuizFromCache position={1} />, detail);
    expect(screen.getByRole('group', { name: 'Choose one answer' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(2);
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    unmount();

    renderWithPlayer(<QuizFromCache position={2} />, detail);
    expect(screen.getByRole('group', { name: 'Choose all answers that apply' })).toBeInTheDocument();
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    fireEvent.click(screen.getByLabelText('<button>'));
    fireEvent.click(screen.getByLabelText('<a href>'));
    expect(screen.getByLabelText('<button>')).toBeChecked();
    expect(screen.getByLabelText('<a href>')).toBeChecked();
  });

  it('keeps "Check answer" disabled until a choice is made', () => {
    renderWithPlayer(<QuizFromCache position={1} />, makeDetail({ currentStep: 1 }));
    const check = screen.getByRole('button', { name: 'Check answer' });
    expect(check).toBeDisabled();
    fireEvent.click(screen.getByLabelText('<aside>'));
    expect(check).toBeEnabled();
  });

  it('sends the choice for grading, then shows the verdict in words and the explanation', async () => {
    const { calls } = mockFetch({
      body: {
        success: true,
        correct: true,
        explanation: 'An aside holds content related to the main content.',
        progress: makeProgress({ currentStep: 1, progressPercentage: 25 }),
      },
    });
    renderWithPlayer(<QuizFromCache position={1} />, makeDetail({ currentStep: 1 }));
    fireEvent.click(screen.getByLabelText('<aside>'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    });

    expect(calls).toEqual([{ url: `/api/progress/${PROGRESS_ID}/steps/1`, method: 'POST', body: { answer: ['b'], clientEventId: expect.stringMatching(UUID) } }]);
    expect(await screen.findByText('Correct!')).toBeInTheDocument();
    expect(screen.getByText('An aside holds content related to the main content.')).toBeInTheDocument();
    // The answer is final: the choices are locked and the button is gone.
    expect(screen.getByLabelText('<aside>')).toBeChecked();
    expect(screen.getByLabelText('<aside>')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Check answer' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Correct!').closest('[tabindex="-1"]')).toHaveFocus());
  });

  it('shows a stored wrong answer when the step is revisited', () => {
    const steps = makeSteps();
    steps[1] = { ...steps[1]!, result: { answer: ['a'], correct: false, explanation: 'A section is a themed group.' } };
    renderWithPlayer(<QuizFromCache position={1} />, makeDetail({ currentStep: 2 }, steps));
    expect(screen.getByText('Not quite')).toBeInTheDocument();
    expect(screen.getByText('A section is a themed group.')).toBeInTheDocument();
    expect(screen.getByLabelText('<section>')).toBeChecked();
  });

  it('shows the server’s message when grading is refused', async () => {
    mockFetch({ status: 409, body: { success: false, error: { code: 'STEP_LOCKED', message: 'Reach this step before answering it' } } });
    renderWithPlayer(<QuizFromCache position={1} />, makeDetail({ currentStep: 0 }));
    fireEvent.click(screen.getByLabelText('<aside>'));
    fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Reach this step before answering it');
    expect(screen.getByRole('button', { name: 'Check answer' })).toBeEnabled();
  });
});
