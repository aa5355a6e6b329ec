'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { useApiForm } from '@/hooks/use-api-form';
import { apiFetch } from '@/lib/api/client';
import { updateProfileSchema } from '@/lib/auth/schemas';

const selectClass =
  'mt-1 block min-h-11 w-full max-w-md rounded-lg border bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

/**
 * Time zone (where a learning day starts and ends) and leaderboard opt-in. The zone list comes from
 * the server so the first render matches on both sides; the device's zone is only read on request.
 */
export function LearningPreferencesForm({
  timeZone,
  leaderboardOptIn,
  timeZones,
}: {
  timeZone: string;
  leaderboardOptIn: boolean;
  timeZones: string[];
}) {
  const router = useRouter();
  const [zones, setZones] = useState(timeZones);
  const [zone, setZone] = useState(timeZone);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useApiForm(updateProfileSchema, (values) => apiFetch('/api/auth/me', { method: 'PATCH', body: values }), {
    transform: (raw) => ({ timeZone: raw.timeZone, leaderboardOptIn: raw.leaderboardOptIn === 'on' }),
    onSuccess: () => {
      setNotice(null);
      router.refresh();
    },
  });

  function applyDeviceZone() {
    const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!device) {
      setNotice('Your device did not report a time zone. Pick yours from the list.');
      return;
    }
    if (!zones.includes(device)) setZones([...zones, device].sort());
    setZone(device);
    setNotice(`Time zone set to ${device}. Save to keep it.`);
  }

  const errors = form.fieldErrors.timeZone;
  return (
    <form onSubmit={form.handleSubmit} noValidate className="space-y-5">
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      {form.succeeded ? <FormAlert tone="success">Preferences saved.</FormAlert> : null}

      <div>
        <label htmlFor="field-timeZone" className="block text-sm font-medium text-slate-900">
          Time zone
        </label>
        <select
          id="field-timeZone"
          name="timeZone"
          value={zone}
          onChange={(event) => setZone(event.target.value)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={['field-timeZone-hint', errors?.length ? 'field-timeZone-error' : ''].filter(Boolean).join(' ')}
          className={`${selectClass} ${errors?.length ? 'border-rose-600' : 'border-slate-300'}`}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <p id="field-timeZone-hint" className="mt-1 text-xs text-slate-600">
          Your learning day, and so your streak, runs from midnight to midnight here.
        </p>
        {errors?.length ? (
          <p id="field-timeZone-error" className="mt-1 text-sm text-rose-700">
            {errors[0]}
          </p>
        ) : null}
        <button
          type="button"
          onClick={applyDeviceZone}
          className="mt-2 min-h-11 rounded-lg px-3 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
        >
          Use my device’s time zone
        </button>
        <p role="status" className="mt-1 text-sm text-slate-700">
          {notice}
        </p>
      </div>

      <div className="flex items-start gap-3">
        <input
          id="field-leaderboardOptIn"
          name="leaderboardOptIn"
          type="checkbox"
          defaultChecked={leaderboardOptIn}
          aria-describedby="field-leaderboardOptIn-hint"
          className="mt-0.5 size-5 shrink-0 rounded border-slate-400 accent-brand-600"
        />
        <div>
          <label htmlFor="field-leaderboardOptIn" className="text-sm font-medium text-slate-900">
            Show me on the weekly leaderboard
          </label>
          <p id="field-leaderboardOptIn-hint" className="text-xs text-slate-600">
            Other learners see your name and the XP you earned this week. Off by default.
          </p>
        </div>
      </div>

      <SubmitButton pending={form.pending} pendingLabel="Saving…">
        Save preferences
      </SubmitButton>
    </form>
  );
}
