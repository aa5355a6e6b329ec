/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { SignOutEverywhere } from '@/app/(app)/settings/settings-forms';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { mockFetch } from '../player/fixtures';

const replace = jest.fn();
const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ replace, push: jest.fn(), refresh }) }));

beforeEach(() => {
  replace.mockReset();
  refresh.mockReset();
});

/** A fetch that answers when the test says so, to look at the pending state. */
function heldFetch(status: number) {
  let release = () => {};
  global.fetch = jest.fn(
    () =>
      new Promise<Response>((resolve) => {
        release = () => resolve({ ok: status < 300, status, json: async () => ({ success: status < 300, code: 'X', message: 'no' }) } as Response);
      }),
  ) as typeof fetch;
  return () => release();
}

describe('the header’s sign-out button (no query provider needed)', () => {
  it('shows it is signing out, posts the logout and leaves for the home page', async () => {
    const release = heldFetch(200);
    render(<SignOutButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByRole('button', { name: 'Signing out…' })).toBeDisabled();
    await act(async () => release());
    expect(global.fetch).toHaveBeenCalledWith('/api/auth/logout', expect.objectContaining({ method: 'POST' }));
    expect(replace).toHaveBeenCalledWith('/');
    expect(refresh).toHaveBeenCalled();
  });

  it('still leaves when the request fails: the session cookies may already be gone', async () => {
    mockFetch({ status: 500, body: { success: false, code: 'INTERNAL', message: 'Boom' } });
    render(<SignOutButton />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign out' })));
    expect(replace).toHaveBeenCalledWith('/');
  });
});

describe('signing out of every device from settings', () => {
  it('sends allDevices and goes to the login page', async () => {
    const { calls } = mockFetch({ body: { success: true } });
    render(<SignOutEverywhere />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign out of all devices' })));
    expect(calls).toEqual([{ url: '/api/auth/logout', method: 'POST', body: { allDevices: true } }]);
    expect(replace).toHaveBeenCalledWith('/login');
  });

  it('stays and says so when the request fails, and the button can be pressed again', async () => {
    mockFetch({ status: 500, body: { success: false, code: 'INTERNAL', message: 'Boom' } });
    render(<SignOutEverywhere />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign out of all devices' })));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not sign out. Please try again.');
    expect(replace).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Sign out of all devices' })).toBeEnabled();
  });
});
