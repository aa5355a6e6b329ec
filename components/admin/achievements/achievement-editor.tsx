'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import type { AchievementCriteria } from '@/lib/achievements/criteria';
import { achievementFormSchema } from '@/lib/admin/achievements/schemas';
import type { AdminAchievement } from '@/lib/admin/achievements/types';
import { ApiRequestError, apiFetch } from '@/lib/api/client';
import { BackfillPanel } from './backfill-panel';
import { CriterionFields } from './criterion-fields';
import { DeleteAchievement } from './delete-achievement';
import { DetailFields } from './detail-fields';
import { errorsOf, initialValues, payloadOf, slugify, validCriteria, type EditorErrors, type EditorValues } from './editor-state';
import { ErrorSummary, focusFirstError } from './error-summary';
import { QualifyingPreview } from './qualifying-preview';
import { cardClass, secondaryButton } from '@/components/admin/styles';
import { useQualifyingPreview } from './use-qualifying-preview';

/** The same criterion whatever the key order. */
const sameCriteria = (a: AchievementCriteria | null, b: AchievementCriteria | null) =>
  JSON.stringify(a && Object.entries(a).sort()) === JSON.stringify(b && Object.entries(b).sort());

/**
 * Creates or edits one achievement: what learners see, the criterion (a form per type), a live
 * count of learners who already qualify, and — once saved — the backfill and delete actions.
 * Validated with the API's own schema before sending; the server's field errors land on the same
 * fields.
 */
export function AchievementEditor({
  initial,
  categories,
  permissions,
  justCreated = false,
}: {
  initial: AdminAchievement | null;
  categories: string[];
  permissions: { canEdit: boolean; canDelete: boolean };
  justCreated?: boolean;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState<EditorValues>(() => initialValues(initial));
  const [slugTouched, setSlugTouched] = useState(initial !== null);
  const [errors, setErrors] = useState<EditorErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(justCreated ? 'Achievement created. Learners who qualify get it at their next quest completion, or award it now below.' : null);
  const [pending, setPending] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);

  const criteria = useMemo(() => validCriteria(values), [values]);
  const preview = useQualifyingPreview(permissions.canEdit ? criteria : null, saved?.id ?? null, refreshKey);
  const unsaved = saved !== null && (!sameCriteria(criteria, saved.criteria) || values.xpReward.trim() !== String(saved.xpReward));

  /** Fixing a field clears its message at once; the summary shrinks with it. */
  const clearErrors = (matches: (path: string) => boolean) =>
    setErrors((current) => (Object.keys(current).some(matches) ? Object.fromEntries(Object.entries(current).filter(([path]) => !matches(path))) : current));
  const update = (change: Partial<EditorValues>) => {
    setValues((v) => ({ ...v, ...change }));
    clearErrors((path) => path in change || ('type' in change && path.startsWith('criteria')));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const parsed = achievementFormSchema.safeParse(payloadOf(values));
    if (!parsed.success) {
      const found = errorsOf(parsed.error);
      setErrors(found);
      setMessage('Please fix the highlighted fields.');
      focusFirstError(found);
      return;
    }
    setErrors({});
    setMessage(null);
    setPending(true);
    try {
      if (saved) {
        const { achievement } = await apiFetch<{ achievement: AdminAchievement }>(`/api/admin/achievements/${saved.id}`, { method: 'PUT', body: parsed.data });
        setSaved(achievement);
        setNotice('Changes saved. Learners who hold it keep it, with the XP they were given.');
        router.refresh();
      } else {
        const { achievement } = await apiFetch<{ achievement: AdminAchievement }>('/api/admin/achievements', { body: parsed.data });
        if (permissions.canEdit) {
          router.push(`/admin/achievements/${achievement.id}?created=1`);
        } else {
          setValues(initialValues(null));
          setSlugTouched(false);
          setNotice(`“${achievement.name}” was created.`);
        }
      }
    } catch (error) {
      const fields = error instanceof ApiRequestError ? (error.body.fields ?? {}) : {};
      setErrors(fields);
      setMessage(error instanceof ApiRequestError ? error.body.message : 'Could not save. Please try again.');
      focusFirstError(fields);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} noValidate className="space-y-6" aria-label={saved ? `Edit ${saved.name}` : 'New achievement'}>
        <ErrorSummary message={message} errors={errors} values={values} />
        {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}

        <div className={cardClass}>
          <DetailFields
            values={values}
            errors={errors}
            onChange={(key, value) => {
              if (key === 'slug') setSlugTouched(true);
              if (key === 'name' && !slugTouched) update({ name: value, slug: slugify(value) });
              else update({ [key]: value } as Partial<EditorValues>);
            }}
          />
        </div>

        <div className={`${cardClass} space-y-5`}>
          <CriterionFields
            type={values.type}
            values={values.fields[values.type]}
            errors={errors}
            categories={categories}
            onTypeChange={(type) => update({ type })}
            onFieldChange={(name, value) => {
              setValues((v) => ({ ...v, fields: { ...v.fields, [v.type]: { ...v.fields[v.type], [name]: value } } }));
              clearErrors((path) => path === `criteria.${name}` || path === 'criteria');
            }}
          />
          <QualifyingPreview state={preview} editing={saved !== null} canPreview={permissions.canEdit} />
        </div>

        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-end">
          <Link href={permissions.canEdit ? '/admin/achievements' : '/admin'} className={secondaryButton}>
            {saved ? 'Back to achievements' : 'Cancel'}
          </Link>
          <SubmitButton pending={pending} pendingLabel="Saving…">
            {saved ? 'Save changes' : 'Create achievement'}
          </SubmitButton>
        </div>
      </form>

      {saved && permissions.canEdit ? (
        <div className={cardClass}>
          {saved.criteria ? (
            <BackfillPanel
              achievementId={saved.id}
              name={saved.name}
              xpReward={saved.xpReward}
              preview={preview}
              unsaved={unsaved}
              onAwarded={() => setRefreshKey((k) => k + 1)}
            />
          ) : (
            <FormAlert>Its saved criterion cannot be read, so nobody can earn it. Choose a criterion above and save.</FormAlert>
          )}
        </div>
      ) : null}

      {saved && permissions.canDelete ? (
        <div className={cardClass}>
          {/* From the server's props: router.refresh() after an award brings the new count. */}
          <DeleteAchievement id={saved.id} name={saved.name} unlockCount={initial?.unlockCount ?? saved.unlockCount} />
        </div>
      ) : null}
    </div>
  );
}
