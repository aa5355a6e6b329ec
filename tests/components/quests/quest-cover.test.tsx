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
  it('shows an uploaded card cover through the image optimizer, lazily, decorative, in a reserved 16:9 box', () => {
    const { container } = render(<QuestCard quest={{ ...quest, coverImageUrl: '/api/media/covers/joins.png' }} />);
    const image = container.querySelector('img')!;
    expect(image.getAttribute('src')).toMatch(/^\/_next\/image\?url=%2Fapi%2Fmedia%2Fcovers%2Fjoins\.png&w=\d+&q=\d+$/);
    expect(image.getAttribute('srcset')).toContain('/_next/image?url=%2Fapi%2Fmedia%2Fcovers%2Fjoins.png&w=');
    expect(image).toHaveAttribute('sizes', expect.stringContaining('100vw'));
    expect(image).toHaveAttribute('alt', '');
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image.parentElement).toHaveClass('aspect-video');
    // Decorative: not announced as an image; the link keeps its name.
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Joining tables' })).toBeInTheDocument();
  });

  it('shows no image at all when the quest has no cover', () => {
    const { container } = render(<QuestCard quest={quest} />);
    expect(container.querySelector('img')).toBeNull();
  });

  it('loads the overview hero at once with high priority; an address on an unconfigured origin is shown as it is', () => {
    const { container } = render(<QuestCover src="https://cdn.example/joins.webp" priority />);
    const image = container.querySelector('img')!;
    // The optimizer only fetches from origins next.config.mjs names; this one is not among them.
    expect(image).toHaveAttribute('src', 'https://cdn.example/joins.webp');
    expect(image).toHaveAttribute('loading', 'eager');
    expect(image).toHaveAttribute('fetchpriority', 'high');
  });
});
