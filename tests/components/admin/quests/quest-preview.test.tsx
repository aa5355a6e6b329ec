/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { QuestPreview } from '@/components/admin/quests/preview/quest-preview';
import { mockFetch } from '../../player/fixtures';
import { makeView } from './fixtures';

jest.mock('@/components/markdown/markdown', () => require('../../player/markdown-mock'));

describe('QuestPreview', () => {
  it('walks the quest as a learner would, grading in the browser and recording nothing', () => {
    const { fn } = mockFetch();
    render(<QuestPreview quest={makeView()} prerequisites={[{ id: 'p1', slug: 'sql-basics', title: 'SQL basics' }]} />);

    expect(screen.getByRole('complementary', { name: 'Preview' })).toHaveTextContent('Preview — draft, learners can’t see this yet.');
    expect(screen.getByRole('heading', { level: 1, name: 'SQL joins' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'SQL basics' })).toHaveAttribute('href', '/quests/sql-basics');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      expect.arrayContaining(['1Why joinsReading', '2Pick the joinQuiz', '3Join two tablesTask']),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Start quest' }));
    expect(screen.getByRole('heading', { level: 2, name: /Why joins/ })).toHaveFocus();
    expect(screen.getByText('Step 1 of 3')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));

    // The quiz: Next waits for an answer; a wrong one shows why, and the preview may try again.
    expect(screen.getByRole('heading', { level: 2, name: /Pick the join/ })).toHaveFocus();
    expect(screen.getByRole('button', { name: /Next/ })).toBeDisabled();
    fireEvent.click(screen.getByRole('radio', { name: 'INNER JOIN' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByText('Not quite')).toBeInTheDocument();
    expect(screen.getByText('A left join keeps every row of the left table.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Answer again/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'LEFT JOIN' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByText('Correct!')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));

    // The task: every item, then confirm.
    const done = screen.getByRole('button', { name: 'Mark task complete' });
    expect(done).toBeDisabled();
    for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
    fireEvent.click(done);
    expect(screen.getByText('Task complete')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Finish quest' }));

    expect(screen.getByRole('heading', { level: 2, name: 'Quest complete!' })).toHaveFocus();
    expect(screen.getByRole('progressbar', { name: 'Quest progress' })).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByText('100%')).toBeInTheDocument();
    expect(fn).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(screen.getByRole('heading', { level: 1, name: 'SQL joins' })).toHaveFocus();
  });
});
