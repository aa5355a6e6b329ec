/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { QuestEditor } from '@/components/admin/quests/quest-editor';
import { mockFetch } from '../../player/fixtures';
import { OPTIONS, STEP_IDS, makeView, polyfillDialog, renderWithClient } from './fixtures';

jest.mock('@/components/markdown/markdown', () => require('../../player/markdown-mock'));
const replace = jest.fn();
const push = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ replace, push, refresh: jest.fn() }) }));

beforeAll(polyfillDialog);
beforeEach(() => {
  replace.mockReset();
  push.mockReset();
});

const editor = (view = makeView()) => renderWithClient(<QuestEditor initial={view} options={OPTIONS} permissions={{ canDelete: true }} />);

describe('QuestEditor validation', () => {
  it('shows the shared schema’s messages next to each field and in a summary, focusing the first one', async () => {
    const { fn } = mockFetch();
    renderWithClient(<QuestEditor initial={null} options={OPTIONS} permissions={{ canDelete: true }} />);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'ab' } });
    // The slug follows the title of a new quest.
    expect(screen.getByLabelText('Slug')).toHaveValue('ab');
    fireEvent.change(screen.getByLabelText('Duration (minutes)'), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    });

    expect(fn).not.toHaveBeenCalled();
    const title = screen.getByLabelText('Title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Use at least 3 characters');
    expect(title).toHaveFocus();
    expect(screen.getByLabelText('Duration (minutes)')).toHaveAccessibleDescription('Enter a whole number');
    expect(screen.getByLabelText('Description')).toHaveAccessibleDescription(/Use at least 20 characters/);

    const summary = screen.getByRole('alert', { name: 'Please fix the problems listed below before saving.' });
    const links = within(summary).getAllByRole('link');
    expect(links[0]).toHaveTextContent('Title: Use at least 3 characters');
    fireEvent.click(within(summary).getByRole('link', { name: /^Duration/ }));
    expect(screen.getByLabelText('Duration (minutes)')).toHaveFocus();

    // Fixing a field clears its message at once.
    fireEvent.change(title, { target: { value: 'SQL joins for analysts' } });
    expect(title).not.toHaveAttribute('aria-invalid');
  });

  it('puts the server’s field errors back next to their inputs', async () => {
    const { calls } = mockFetch({
      status: 409,
      body: { success: false, error: { code: 'CONFLICT', message: 'Another quest already uses the slug "sql-joins"', fields: { slug: ['This slug is taken'] } } },
    });
    editor();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'SQL joins, again' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });

    expect(calls[0]).toMatchObject({ url: `/api/admin/quests/${makeView().id}`, method: 'PUT' });
    expect(calls[0]!.body).toMatchObject({ title: 'SQL joins, again', steps: STEP_IDS.map((id) => ({ id })) });
    const slug = screen.getByLabelText('Slug');
    expect(slug).toHaveAccessibleDescription(expect.stringContaining('This slug is taken'));
    expect(slug).toHaveFocus();
    expect(screen.getByRole('alert', { name: /already uses the slug/ })).toBeInTheDocument();
  });

  it('saves, then says so and reloads the saved quest (new steps get their ids)', async () => {
    const newStepId = '00000000-0000-4000-8000-000000000004';
    const saved = makeView();
    saved.steps.push({ id: newStepId, kind: 'reading', title: 'Outer joins', body: 'An outer join keeps rows that have no match on the other side.' });
    const { calls } = mockFetch({ body: { success: true, quest: saved } });
    editor();
    fireEvent.click(screen.getByRole('button', { name: 'Add reading' }));
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    const stepTitle = screen.getAllByLabelText('Step title')[3]!;
    expect(stepTitle).toHaveFocus();
    fireEvent.change(stepTitle, { target: { value: 'Outer joins' } });
    fireEvent.change(screen.getAllByLabelText('Content')[1]!, {
      target: { value: 'An outer join keeps rows that have no match on the other side.' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });

    const sent = calls[0]!.body as { steps: { id?: string }[] };
    expect(sent.steps).toHaveLength(4);
    expect(sent.steps[3]).not.toHaveProperty('id');
    expect(screen.getByText('Saved')).toBeInTheDocument();
    expect(screen.queryByText('(not saved yet)')).not.toBeInTheDocument();
  });
});

describe('QuestEditor unsaved changes', () => {
  it('warns before leaving with unsaved edits, and not once they are saved', async () => {
    mockFetch({ body: { success: true, quest: makeView({ title: 'SQL joins, revised' }) } });
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    editor();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'SQL joins, revised' } });
    expect(leave()).toBe(true);
    // In-app links ask too (client-side navigation never fires beforeunload).
    const back = screen.getByRole('link', { name: 'Back to quests' });
    expect(fireEvent.click(back)).toBe(false);
    expect(confirm).toHaveBeenCalledWith('You have unsaved changes. Leave without saving?');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });
    expect(leave()).toBe(false);
    confirm.mockRestore();
  });
});

describe('QuestEditor steps', () => {
  it('moves a step with buttons, keeping focus on it and saying where it went', () => {
    editor();
    const down = screen.getByRole('button', { name: 'Move step 1 (Why joins) down' });
    down.focus();
    fireEvent.click(down);

    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.slice(0, 3)).toEqual(['Step 1Quiz', 'Step 2Reading', 'Step 3Task']);
    expect(screen.getByRole('button', { name: 'Move step 2 (Why joins) down' })).toHaveFocus();
    expect(screen.getByText('Step moved to position 2 of 3.')).toBeInTheDocument();

    // At the bottom, "down" is disabled: focus lands on "up" instead.
    fireEvent.click(screen.getByRole('button', { name: 'Move step 2 (Why joins) down' }));
    expect(screen.getByRole('button', { name: 'Move step 3 (Why joins) down' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move step 3 (Why joins) up' })).toHaveFocus();
  });

  it('asks before removing a saved step once learners have started, explaining that answers are archived', () => {
    editor(makeView({ learnerCount: 3 }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove step 2 (Pick the join)' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this step?' });
    expect(dialog).toHaveTextContent('3 learners have started this quest');
    expect(dialog).toHaveTextContent(/archived with their answers/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove step' }));
    expect(screen.queryByRole('heading', { name: /Pick the join/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(2);
  });

  it('edits a quiz’s choices and answer key: ids are made, the key follows “several answers”', async () => {
    const { calls } = mockFetch({ body: { success: true, quest: makeView() } });
    editor();
    fireEvent.click(screen.getByRole('button', { name: 'Add choice' }));
    const choiceC = screen.getByLabelText('Choice C');
    expect(choiceC).toHaveFocus();
    fireEvent.change(choiceC, { target: { value: 'FULL OUTER JOIN' } });
    fireEvent.click(screen.getByLabelText('Several answers are right'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Choice C is right' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });
    expect(calls[0]!.body).toMatchObject({
      steps: [
        {},
        {
          choices: [{ id: 'a' }, { id: 'b' }, { id: 'c', text: 'FULL OUTER JOIN' }],
          allowMultiple: true,
          answer: { correct: ['b', 'c'] },
        },
        {},
      ],
    });
  });
});

describe('QuestEditor prerequisites', () => {
  it('picks prerequisites from a filterable list of the other quests, in the order chosen', async () => {
    const { calls } = mockFetch({ body: { success: true, quest: makeView() } });
    editor(makeView({ prerequisites: [OPTIONS.quests[0]!.id] }));
    const chosen = screen.getByRole('list', { name: 'Chosen prerequisites' });
    expect(within(chosen).getByText('SQL basics')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Find quests'), { target: { value: 'index' } });
    const list = screen.getByRole('list', { name: 'Quests to require' });
    expect(within(list).getAllByRole('checkbox')).toHaveLength(1);
    expect(screen.getByText('1 quest match “index”')).toBeInTheDocument();
    fireEvent.click(within(list).getByRole('checkbox', { name: /SQL indexes/ }));
    expect(within(chosen).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('SQL basics'),
      expect.stringContaining('SQL indexes'),
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove prerequisite SQL basics' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });
    expect(calls[0]!.body).toMatchObject({ prerequisites: [OPTIONS.quests[1]!.id] });
  });
});

describe('QuestEditor delete', () => {
  it('offers to archive instead when learners have progress', async () => {
    const archived = makeView({ status: 'archived', learnerCount: 2 });
    const { calls } = mockFetch(
      { status: 409, body: { success: false, error: { code: 'CONFLICT', message: 'Learners have progress in this quest — archive it instead' } } },
      { body: { success: true, quest: archived } },
    );
    editor(makeView({ learnerCount: 2 }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this quest?' });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete quest' }));
    });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('archive it instead');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Archive instead' }));
    });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `DELETE /api/admin/quests/${archived.id}`,
      `POST /api/admin/quests/${archived.id}/archive`,
    ]);
    expect(push).not.toHaveBeenCalled();
    expect(screen.getByText('Archived', { selector: 'span' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restore as draft' })).toBeInTheDocument();
  });
});
