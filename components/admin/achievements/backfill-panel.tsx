'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { ApiRequestError, apiFetch } from '@/lib/api/client';
import type { BackfillResult } from '@/lib/admin/achievements/types';
import { ConfirmDialog } from '@/components/admin/confirm-dialog';
import { primaryButton } from '@/components/admin/styles';
import type { PreviewState } from './use-qualifying-preview';

const learners = (n: number) => `${n.toLocaleString('en-US')} learner${n === 1 ? '' : 's'}`;

function resultMessage(result: BackfillResult): string {
  const awarded = result.awarded === 0 ? 'Nobody new was awarded it.' : `Awarded to ${learners(result.awarded)}.`;
  const held = result.alreadyHeld;
  return held === 0 ? awarded : `${awarded} ${held.toLocaleString('en-US')} qualifying learner${held === 1 ? '' : 's'} already held it.`;
}

/**
 * "Award to N qualifying learners": the explicit backfill, behind a confirmation. It uses the saved
 * criteria and XP, so it waits while the form has unsaved changes to either. Learners who qualify
 * would otherwise get the achievement only at their next quest completion.
 */
export function BackfillPanel({
  achievementId,
  name,
  xpReward,
  preview,
  unsaved,
  onAwarded,
}: {
  achievementId: string;
  name: string;
  xpReward: number;
  preview: PreviewState;
  /** The form's criteria or XP differ from the saved ones. */
  unsaved: boolean;
  onAwarded: () => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BackfillResult | null>(null);

  const awardable = preview.status === 'ready' ? Math.max(0, preview.qualifying - preview.alreadyHeld) : null;
  const blocked = unsaved
    ? 'Save your changes first: awarding uses the saved criterion and XP.'
    : preview.status === 'ready' && preview.qualifying === 0
      ? 'Nobody qualifies yet.'
      : awardable === 0
        ? 'Everyone who qualifies holds it already.'
        : null;

  async function award() {
    setPending(true);
    setError(null);
    try {
      const outcome = await apiFetch<BackfillResult>(`/api/admin/achievements/${achievementId}/backfill`, { method: 'POST' });
      setResult(outcome);
      setOpen(false);
      onAwarded();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.body.message : 'Could not award the achievement. Please try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="backfill-heading" className="space-y-3">
      <h2 id="backfill-heading" className="text-base font-semibold text-slate-900">
        Award to learners who already qualify
      </h2>
      <p className="text-sm text-slate-600">
        Learners who qualify get it at their next quest completion anyway. Award it now to give it (and its XP) to all of them at once.
        Each learner gets it once, however often you press.
      </p>
      {result ? <FormAlert tone="success">{resultMessage(result)}</FormAlert> : null}
      <button
        type="button"
        className={primaryButton}
        disabled={blocked !== null || awardable === null}
        aria-describedby={blocked ? 'backfill-blocked' : undefined}
        aria-haspopup="dialog"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {awardable === null ? 'Award to qualifying learners' : awardable === 0 ? 'Nobody to award' : `Award to ${learners(awardable)}`}
      </button>
      {blocked ? (
        <p id="backfill-blocked" className="text-sm text-slate-600">
          {blocked}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        title={`Award “${name}”?`}
        confirmLabel={`Award to ${learners(awardable ?? 0)}`}
        pendingLabel="Awarding…"
        tone="brand"
        pending={pending}
        error={error}
        onConfirm={award}
        onClose={() => setOpen(false)}
      >
        <p>
          {learners(awardable ?? 0)} who {awardable === 1 ? 'meets its criterion and lacks' : 'meet its criterion and lack'} it will unlock it now
          {xpReward > 0 ? `, with ${xpReward.toLocaleString('en-US')} XP each` : ''}. Anyone who qualifies by the time you confirm is included.
        </p>
        <p>Awards stay on learners’ walls: this cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
