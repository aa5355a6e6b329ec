/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { render } from '@testing-library/react';
import '@testing-library/jest-dom';
import { AchievementEditor } from '@/components/admin/achievements/achievement-editor';
import type { AdminAchievement } from '@/lib/admin/achievements/types';

const push = jest.fn();
const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push, refresh, replace: jest.fn() }) }));

/** The native <dialog> methods jsdom lacks. */
beforeAll(() => {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { showModal: () => void; close: () => void };
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

type Reply = { status?: number; body: Record<string, unknown> };
/** Answers fetches by "METHOD path"; records every call with its JSON body. */
function mockApi(routes: Record<string, Reply | ((body: any) => Reply)>) {
  const calls: { key: string; body: any }[] = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ key, body });
    const route = routes[key];
    if (!route) throw new Error(`Unexpected fetch ${key}`);
    const reply = typeof route === 'function' ? route(body) : route;
    const status = reply.status ?? 200;
    return { ok: status < 300, status, json: async () => reply.body } as Response;
  }) as typeof fetch;
  return calls;
}

const saved: AdminAchievement = {
  id: '6f1f7d1e-1d0a-4c55-9a43-0b0c4a1f0b11',
  slug: 'two-quests',
  name: 'Two quests down',
  description: 'Complete two quests of any kind.',
  iconUrl: null,
  rarity: 'uncommon',
  xpReward: 60,
  criteria: { type: 'quests_completed', count: 2 },
  criterion: 'Complete 2 quests',
  unlockCount: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
};

const PREVIEW = 'POST /api/admin/achievements/preview';
const editor = (initial: AdminAchievement | null, canDelete = true) =>
  render(<AchievementEditor initial={initial} categories={['Python', 'Security']} permissions={{ canEdit: true, canDelete }} />);

beforeEach(() => {
  push.mockReset();
  refresh.mockReset();
});

describe('AchievementEditor', () => {
  it('shows the inputs of the chosen criterion type only', () => {
    mockApi({ [PREVIEW]: { body: { success: true, qualifying: 0, alreadyHeld: 0 } } });
    editor(null);
    const type = screen.getByLabelText('Criterion');
    expect(screen.getByLabelText('Number of quests')).toHaveValue(5);

    fireEvent.change(type, { target: { value: 'streak_days' } });
    expect(screen.getByLabelText('Streak length in days')).toHaveValue(7);
    expect(screen.queryByLabelText('Number of quests')).not.toBeInTheDocument();

    fireEvent.change(type, { target: { value: 'category_completed' } });
    expect(screen.getByLabelText('Category')).toHaveValue('Security');
    expect(screen.getByLabelText('Number of quests')).toBeInTheDocument();

    fireEvent.change(type, { target: { value: 'difficulty_completed' } });
    expect(screen.getByLabelText('Difficulty')).toHaveDisplayValue('Advanced');

    fireEvent.change(type, { target: { value: 'first_quest' } });
    expect(screen.getByText('This criterion has nothing to set.')).toBeInTheDocument();
  });

  it('counts qualifying learners for the criterion being typed, debounced, in a live region', async () => {
    const calls = mockApi({ [PREVIEW]: ({ criteria }) => ({ body: { success: true, qualifying: criteria.count === 12 ? 1 : 7, alreadyHeld: 0 } }) });
    editor(null);
    const count = screen.getByLabelText('Number of quests');
    fireEvent.change(count, { target: { value: '1' } });
    fireEvent.change(count, { target: { value: '12' } });
    const status = await screen.findByText('1 learner already qualifies', {}, { timeout: 2000 });
    expect(status.closest('[aria-live="polite"]')).toBeInTheDocument();
    expect(calls.filter((c) => c.key === PREVIEW).map((c) => c.body)).toEqual([{ criteria: { type: 'quests_completed', count: 12 } }]);

    // Invalid criteria are not sent: the count waits for a usable value.
    fireEvent.change(count, { target: { value: '' } });
    expect(await screen.findByText('Fill in the criterion to see how many learners already qualify.')).toBeInTheDocument();
  });

  it('validates with the shared schema before sending, naming and focusing the first bad field', async () => {
    const calls = mockApi({ [PREVIEW]: { body: { success: true, qualifying: 0, alreadyHeld: 0 } } });
    editor(null);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Streak Master!' } });
    // A new achievement's slug follows its name until edited.
    expect(screen.getByLabelText('Slug')).toHaveValue('streak-master');
    fireEvent.change(screen.getByLabelText('Criterion'), { target: { value: 'streak_days' } });
    fireEvent.change(screen.getByLabelText('Streak length in days'), { target: { value: '1' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create achievement' }));
    });
    expect(calls.filter((c) => c.key === 'POST /api/admin/achievements')).toEqual([]);
    const description = screen.getByLabelText('Description');
    expect(description).toHaveAttribute('aria-invalid', 'true');
    expect(description).toHaveFocus();
    const days = screen.getByLabelText('Streak length in days');
    expect(days).toHaveAccessibleDescription(expect.stringContaining('Enter at least 2'));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: /Streak length in days: Enter at least 2/ })).toBeInTheDocument();
    fireEvent.change(days, { target: { value: '3' } });
    expect(days).not.toHaveAttribute('aria-invalid');
  });

  it('creates the achievement and opens it, or shows the server’s field errors', async () => {
    const calls = mockApi({
      [PREVIEW]: { body: { success: true, qualifying: 0, alreadyHeld: 0 } },
      'POST /api/admin/achievements': ({ slug }) =>
        slug === 'taken'
          ? { status: 409, body: { success: false, error: { code: 'CONFLICT', message: 'Another achievement already uses this slug', fields: { slug: ['Another achievement already uses this slug'] } } } }
          : { status: 201, body: { success: true, achievement: { ...saved, id: 'new-id' } } },
    });
    editor(null);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Taken' } });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Complete five quests of any kind.' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create achievement' }));
    });
    expect(screen.getByLabelText('Slug')).toHaveAccessibleDescription(expect.stringContaining('Another achievement already uses this slug'));
    expect(screen.getByLabelText('Slug')).toHaveFocus();

    fireEvent.change(screen.getByLabelText('Slug'), { target: { value: 'five-quests' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create achievement' }));
    });
    expect(calls.filter((c) => c.key === 'POST /api/admin/achievements').at(-1)!.body).toEqual({
      slug: 'five-quests',
      name: 'Taken',
      description: 'Complete five quests of any kind.',
      iconUrl: null,
      rarity: 'common',
      xpReward: 50,
      criteria: { type: 'quests_completed', count: 5 },
    });
    expect(push).toHaveBeenCalledWith('/admin/achievements/new-id?created=1');
  });

  it('awards to the learners who qualify and lack it, after a confirmation, and reports the result', async () => {
    const calls = mockApi({
      [PREVIEW]: { body: { success: true, qualifying: 3, alreadyHeld: 1 } },
      [`POST /api/admin/achievements/${saved.id}/backfill`]: { body: { success: true, awarded: 2, alreadyHeld: 1, qualifying: 3 } },
    });
    editor(saved);
    expect(await screen.findByText('3 learners already qualify', {}, { timeout: 2000 })).toBeInTheDocument();
    expect(screen.getByText('1 of them already holds it.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Award to 2 learners' }));
    const dialog = screen.getByRole('dialog', { name: 'Award “Two quests down”?' });
    expect(dialog).toHaveTextContent('60 XP each');
    expect(calls.some((c) => c.key.endsWith('/backfill'))).toBe(false);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Award to 2 learners' }));
    });
    expect(calls.filter((c) => c.key.endsWith('/backfill'))).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Awarded to 2 learners. 1 qualifying learner already held it.');
    expect(refresh).toHaveBeenCalled();
  });

  it('holds the award back while the criterion has unsaved changes', async () => {
    mockApi({ [PREVIEW]: { body: { success: true, qualifying: 3, alreadyHeld: 1 } } });
    editor(saved);
    fireEvent.change(screen.getByLabelText('Number of quests'), { target: { value: '4' } });
    await waitFor(() => expect(screen.getByText(/Save your changes first/)).toBeInTheDocument());
    expect(screen.getByRole('button', { name: /Award to/ })).toBeDisabled();
  });

  it('offers deleting only while nobody holds it', () => {
    mockApi({ [PREVIEW]: { body: { success: true, qualifying: 0, alreadyHeld: 0 } } });
    const { unmount } = editor(saved);
    expect(screen.queryByRole('button', { name: /Delete achievement/ })).not.toBeInTheDocument();
    expect(screen.getByText(/1 learner has unlocked it, so it cannot be deleted/)).toBeInTheDocument();
    unmount();
    editor({ ...saved, unlockCount: 0 });
    fireEvent.click(screen.getByRole('button', { name: 'Delete achievement…' }));
    expect(screen.getByRole('dialog', { name: 'Delete “Two quests down”?' })).toBeInTheDocument();
  });
});
