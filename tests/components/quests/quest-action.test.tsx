/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { QuestAction } from '@/app/quests/[slug]/quest-action';
import { PrerequisiteList } from '@/components/quests/prerequisite-list';
import type { QuestOverview } from '@/lib/quests/queries';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn(), replace: jest.fn() }) }));

const quest: QuestOverview = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'sql-joins',
  title: 'Joining tables',
  description: 'Combine rows from two tables.',
  category: 'Data & SQL',
  difficulty: 'intermediate',
  tier: 'free',
  durationMinutes: 25,
  xpReward: 200,
  coverImageUrl: null,
  stepCount: 5,
  access: 'available',
  progress: null,
  objectives: ['Join two tables'],
  prerequisites: [
    { id: 'p1', slug: 'sql-basics', title: 'SQL basics', completed: true },
    { id: 'p2', slug: 'sql-filtering', title: 'Filtering rows', completed: false },
  ],
  outline: [],
};

const started = (overrides: Partial<NonNullable<QuestOverview['progress']>> = {}) => ({
  id: 'pr1',
  status: 'in_progress' as const,
  currentStep: 2,
  progressPercentage: 40,
  score: null,
  ...overrides,
});

function renderAction(overrides: Partial<QuestOverview>, signedIn = true) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <QuestAction quest={{ ...quest, ...overrides }} signedIn={signedIn} />
    </QueryClientProvider>,
  );
}

describe('QuestAction', () => {
  it('asks a signed-out visitor to sign in, coming back to the quest', () => {
    renderAction({}, false);
    expect(screen.getByRole('link', { name: 'Sign in to start' })).toHaveAttribute('href', '/login?next=%2Fquests%2Fsql-joins');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers an available quest with a button named exactly "Start quest"', () => {
    renderAction({});
    expect(screen.getByRole('button', { name: 'Start quest' })).toBeEnabled();
  });

  it('continues a started quest, saying which step the learner is on', () => {
    renderAction({ progress: started() });
    expect(screen.getByRole('link', { name: 'Continue quest' })).toHaveAttribute('href', '/quests/sql-joins/play');
    expect(screen.getByText('Step 3 of 5 · 40% done')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start quest' })).not.toBeInTheDocument();
  });

  it('offers a review of a completed quest with the score', () => {
    renderAction({ progress: started({ status: 'completed', progressPercentage: 100, currentStep: 5, score: 92 }) });
    expect(screen.getByRole('link', { name: 'Review quest' })).toHaveAttribute('href', '/quests/sql-joins/play');
    expect(screen.getByText(/Your score: 92%/)).toBeInTheDocument();
  });

  it('offers the upgrade on a premium-locked quest', () => {
    renderAction({ tier: 'premium', access: 'premium_locked' });
    expect(screen.getByRole('link', { name: 'Upgrade to premium' })).toHaveAttribute('href', '/pricing');
    expect(screen.queryByRole('button', { name: 'Start quest' })).not.toBeInTheDocument();
  });

  it('lists only the unfinished prerequisites of a locked quest', () => {
    renderAction({ access: 'prerequisites_locked' });
    expect(screen.getByRole('heading', { name: 'Finish these first' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Filtering rows' })).toHaveAttribute('href', '/quests/sql-filtering');
    expect(screen.queryByRole('link', { name: 'SQL basics' })).not.toBeInTheDocument();
  });
});

describe('PrerequisiteList', () => {
  it('says in words which prerequisites are done', () => {
    render(<PrerequisiteList prerequisites={quest.prerequisites} />);
    expect(screen.getByText('Completed')).toBeInTheDocument();
    expect(screen.getByText('Not completed yet')).toBeInTheDocument();
  });

  it('shows a plain list to signed-out visitors', () => {
    render(<PrerequisiteList prerequisites={quest.prerequisites} showStatus={false} />);
    expect(screen.getByRole('link', { name: 'SQL basics' })).toBeInTheDocument();
    expect(screen.queryByText('Completed')).not.toBeInTheDocument();
    expect(screen.queryByText('Not completed yet')).not.toBeInTheDocument();
  });
});
