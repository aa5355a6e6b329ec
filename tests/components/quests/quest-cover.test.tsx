/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { QuestCard } from '@/components/quests/quest-card';
import { QuestCover } from '@/components/quests/quest-cover';
import type { QuestSummary } from '@/lib/quests/queries';

const quest: QuestSummary = {
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
};

describe('quest covers', () => {
  it('shows a card cover lazily, decorative (the title says it all), with its size reserved', () => {
    const { container } = render(<QuestCard quest={{ ...quest, coverImageUrl: '/media/covers/joins.png' }} />);
    const image = container.querySelector('img')!;
    expect(image).toHaveAttribute('src', '/media/covers/joins.png');
    expect(image).toHaveAttribute('alt', '');
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('width', '1280');
    expect(image).toHaveAttribute('height', '720');
    expect(image.parentElement).toHaveClass('aspect-video');
    // Decorative: not announced as an image; the link keeps its name.
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Joining tables' })).toBeInTheDocument();
  });

  it('shows no image at all when the quest has no cover', () => {
    const { container } = render(<QuestCard quest={quest} />);
    expect(container.querySelector('img')).toBeNull();
  });

  it('loads the overview hero at once rather than lazily', () => {
    const { container } = render(<QuestCover src="https://cdn.example/joins.webp" priority />);
    expect(container.querySelector('img')).toHaveAttribute('loading', 'eager');
  });
});
