/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import { StartQuestButton } from '@/app/quests/[slug]/start-quest-button';

const push = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push, refresh: jest.fn(), replace: jest.fn() }) }));

function respond(status: number, body: unknown) {
  global.fetch = jest.fn().mockResolvedValue({ ok: status < 400, status, json: async () => body }) as unknown as typeof fetch;
}

function renderButton() {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: 0 } } });
  render(
    <QueryClientProvider client={client}>
      <StartQuestButton questId="q-1" slug="sql-joins" />
    </QueryClientProvider>,
  );
}

describe('StartQuestButton', () => {
  beforeEach(() => push.mockReset());

  it('starts the quest, then opens the player', async () => {
    respond(201, { success: true, progress: { id: 'p1', questId: 'q-1', status: 'in_progress', currentStep: 0, startedAt: 'x' } });
    renderButton();
    fireEvent.click(screen.getByRole('button', { name: 'Start quest' }));
    await waitFor(() => expect(push).toHaveBeenCalledWith('/quests/sql-joins/play'));
    expect(global.fetch).toHaveBeenCalledWith('/api/quests/q-1/start', expect.objectContaining({ method: 'POST' }));
    // Still busy while the player loads: a second click cannot start it twice.
    expect(screen.getByRole('button', { name: 'Starting…' })).toBeDisabled();
  });

  it('offers an upgrade when the quest needs premium', async () => {
    respond(403, { success: false, error: { code: 'PREMIUM_REQUIRED', message: 'Premium required' } });
    renderButton();
    fireEvent.click(screen.getByRole('button', { name: 'Start quest' }));
    expect(await screen.findByRole('link', { name: 'Upgrade to premium' })).toHaveAttribute('href', '/pricing');
    expect(screen.getByRole('button', { name: 'Start quest' })).toBeEnabled();
    expect(push).not.toHaveBeenCalled();
  });

  it('lists the prerequisites still to finish', async () => {
    respond(409, {
      success: false,
      error: { code: 'PREREQUISITES_UNMET', message: 'Finish first', fields: { prerequisites: ['SQL basics', 'Filtering rows'] } },
    });
    renderButton();
    fireEvent.click(screen.getByRole('button', { name: 'Start quest' }));
    expect(await screen.findByText('Finish these quests first:')).toBeInTheDocument();
    expect(screen.getByText('SQL basics')).toBeInTheDocument();
    expect(screen.getByText('Filtering rows')).toBeInTheDocument();
  });
});
