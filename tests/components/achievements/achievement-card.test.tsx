/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { AchievementCard } from '@/components/achievements/achievement-card';
import type { AchievementView } from '@/lib/achievements/queries';

const base: AchievementView = {
  id: '00000000-0000-4000-8000-000000000010',
  slug: 'five-quests',
  name: 'Quest Hunter',
  description: 'Finish five quests.',
  rarity: 'rare',
  xpReward: 150,
  iconUrl: null,
  unlocked: false,
  unlockedAt: null,
  criterion: 'Complete 5 quests',
  progress: { current: 3, target: 5 },
};

describe('AchievementCard', () => {
  it('shows a locked achievement with its criterion and progress as a bar and as numbers', () => {
    render(<AchievementCard achievement={base} />);
    expect(screen.getByRole('heading', { name: 'Quest Hunter' })).toBeInTheDocument();
    expect(screen.getByText('Locked')).toBeInTheDocument();
    expect(screen.getByText('Rare')).toBeInTheDocument();
    expect(screen.getByText(/Complete 5 quests/)).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Progress towards Quest Hunter' });
    expect(bar).toHaveAttribute('aria-valuenow', '3');
    expect(bar).toHaveAttribute('aria-valuemax', '5');
    expect(bar).toHaveAttribute('aria-valuetext', '3 of 5');
    expect(screen.getByText('3 / 5')).toBeInTheDocument();
    expect(screen.queryByText(/Unlocked on/)).not.toBeInTheDocument();
  });

  it('shows an unlocked achievement with its date in the learner’s time zone, without a bar', () => {
    render(
      <AchievementCard
        achievement={{ ...base, unlocked: true, unlockedAt: '2025-11-03T23:30:00.000Z', progress: { current: 5, target: 5 } }}
        timeZone="Europe/Berlin"
      />,
    );
    expect(screen.getByText('Unlocked')).toBeInTheDocument();
    expect(screen.getByText('4 Nov 2025')).toHaveAttribute('datetime', '2025-11-03T23:30:00.000Z');
    expect(screen.getByText(/\+150 XP/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByText(/To unlock/)).not.toBeInTheDocument();
  });

  it('treats an unknown rarity as common', () => {
    render(<AchievementCard achievement={{ ...base, rarity: 'mythic' }} />);
    expect(screen.getByText('Common')).toBeInTheDocument();
  });
});
