/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { QuestCard } from '@/components/quests/quest-card';
import type { QuestSummary } from '@/lib/quests/queries';

const quest: QuestSummary = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'sql-joins',
  title: 'Joining tables',
  description: 'Combine rows from two tables.',
  category: 'Data & SQL',
  difficulty: 'intermediate',
  tier: 'premium',
  durationMinutes: 25,
  xpReward: 200,
  coverImageUrl: null,
  stepCount: 5,
  access: 'available',
  progress: null,
};

const progress = (overrides: Partial<NonNullable<QuestSummary['progress']>> = {}): QuestSummary['progress'] => ({
  id: '00000000-0000-4000-8000-0000000000aa',
  status: 'in_progress',
  currentStep: 2,
  progressPercentage: 40,
  score: null,
  ...overrides,
});

describe('QuestCard', () => {
  it('links the title to the quest and shows its facts', () => {
    render(<QuestCard quest={quest} />);
    expect(screen.getByRole('link', { name: 'Joining tables' })).toHaveAttribute('href', '/quests/sql-joins');
    expect(screen.getByText('Intermediate')).toBeInTheDocument();
    expect(screen.getByText('Premium')).toBeInTheDocument();
    expect(screen.getByText('200 XP')).toBeInTheDocument();
    expect(screen.getByText('25 min')).toBeInTheDocument();
    expect(screen.getByText('5 steps')).toBeInTheDocument();
  });

  it('shows no premium badge on a free quest', () => {
    render(<QuestCard quest={{ ...quest, tier: 'free' }} />);
    expect(screen.queryByText('Premium')).not.toBeInTheDocument();
  });

  it('says an available quest with no progress is neither locked nor started', () => {
    render(<QuestCard quest={quest} />);
    expect(screen.queryByText(/locked/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByText(/Completed/)).not.toBeInTheDocument();
  });

  it('marks a premium-locked quest with a lock and the reason in words', () => {
    render(<QuestCard quest={{ ...quest, access: 'premium_locked' }} />);
    expect(screen.getByText('Premium')).toBeInTheDocument();
    expect(screen.getByText(/locked: needs a premium plan/)).toHaveClass('sr-only');
    expect(screen.getByText('Premium plan needed to start')).toBeVisible();
  });

  it('tells the learner to finish the prerequisites of a locked quest first', () => {
    render(<QuestCard quest={{ ...quest, tier: 'free', access: 'prerequisites_locked' }} />);
    expect(screen.getByText('Finish its prerequisite quests first')).toBeInTheDocument();
    expect(screen.queryByText('Premium')).not.toBeInTheDocument();
  });

  it('shows progress on a started quest as a named bar and as text', () => {
    render(<QuestCard quest={{ ...quest, progress: progress() }} />);
    const bar = screen.getByRole('progressbar', { name: 'Progress on Joining tables' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(bar).toHaveAttribute('aria-valuetext', '40% done');
    expect(screen.getByText('In progress')).toBeInTheDocument();
    expect(screen.getByText('40% done')).toBeInTheDocument();
  });

  it('shows a completed quest with its score, and progress wins over a lock', () => {
    render(
      <QuestCard
        quest={{ ...quest, access: 'premium_locked', progress: progress({ status: 'completed', progressPercentage: 100, score: 85 }) }}
      />,
    );
    expect(screen.getByText(/Completed/)).toBeInTheDocument();
    expect(screen.getByText('· Score 85%')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByText('Premium plan needed to start')).not.toBeInTheDocument();
  });

  it('leaves out the score of a completed quest that has none', () => {
    render(<QuestCard quest={{ ...quest, progress: progress({ status: 'completed', progressPercentage: 100 }) }} />);
    expect(screen.getByText(/Completed/)).toBeInTheDocument();
    expect(screen.queryByText(/Score/)).not.toBeInTheDocument();
  });
});
