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
  stepCount: 5,
};

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
});
