'use client';

import { useState, type Dispatch, type ReactNode } from 'react';
import { difficultyLabel } from '@/components/quests/quest-badges';
import { QUEST_DIFFICULTIES } from '@/lib/quests/schemas';
import { slugify, type QuestDraft } from './editor-draft';
import { fieldId, type EditorErrors } from './editor-errors';
import type { EditorAction } from './editor-reducer';
import { FieldMessages, InputField, SelectField, TextareaField, describedBy } from './fields';
import { inputClass, labelClass, secondaryButton } from '@/components/admin/styles';

const difficultyOptions = QUEST_DIFFICULTIES.map((d) => ({ value: d, label: difficultyLabel[d] }));
const tierOptions = [
  { value: 'free', label: 'Free — every learner' },
  { value: 'premium', label: 'Premium — paying learners' },
];

/**
 * The quest's own fields. While a new quest's slug has not been typed by hand it follows the
 * title; "Generate from title" does the same on demand.
 */
export function QuestDetailsFields({
  draft,
  dispatch,
  errors,
  categories,
  isNew,
  cover,
}: {
  draft: QuestDraft;
  dispatch: Dispatch<EditorAction>;
  errors: EditorErrors;
  categories: string[];
  isNew: boolean;
  /** The cover image control (an upload field). */
  cover: ReactNode;
}) {
  const [slugFollowsTitle, setSlugFollowsTitle] = useState(isNew && !draft.slug);
  const set = (field: Extract<EditorAction, { type: 'setField' }>['field']) => (value: string) =>
    dispatch({ type: 'setField', field, value });
  const slugId = fieldId('slug');

  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <InputField
        id={fieldId('title')}
        label="Title"
        className="sm:col-span-2"
        value={draft.title}
        maxLength={255}
        autoComplete="off"
        errors={errors.title}
        onChange={(e) => {
          set('title')(e.target.value);
          if (slugFollowsTitle) set('slug')(slugify(e.target.value));
        }}
      />

      <div className="sm:col-span-2">
        <label htmlFor={slugId} className={labelClass}>
          Slug
        </label>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <input
            id={slugId}
            value={draft.slug}
            maxLength={80}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.slug?.length ? true : undefined}
            aria-describedby={describedBy(slugId, true, errors.slug)}
            className={`${inputClass(Boolean(errors.slug?.length))} font-mono sm:flex-1`}
            onChange={(e) => {
              setSlugFollowsTitle(false);
              set('slug')(e.target.value);
            }}
          />
          <button type="button" className={`${secondaryButton} mt-1 shrink-0`} onClick={() => set('slug')(slugify(draft.title))}>
            Generate from title
          </button>
        </div>
        <FieldMessages
          id={slugId}
          hint={
            <>
              The quest&apos;s address: /quests/<span className="font-mono">{draft.slug || 'your-slug'}</span>. Lowercase letters, digits
              and dashes.
            </>
          }
          errors={errors.slug}
        />
      </div>

      <TextareaField
        id={fieldId('description')}
        label="Description"
        className="sm:col-span-2"
        rows={3}
        maxLength={1000}
        value={draft.description}
        hint="Shown on the quest's card and overview (20–1,000 characters)."
        errors={errors.description}
        onChange={(e) => set('description')(e.target.value)}
      />

      <div>
        <InputField
          id={fieldId('category')}
          label="Category"
          list="quest-category-options"
          value={draft.category}
          maxLength={100}
          autoComplete="off"
          hint="Pick an existing track or type a new one."
          errors={errors.category}
          onChange={(e) => set('category')(e.target.value)}
        />
        <datalist id="quest-category-options">
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>

      <SelectField
        id={fieldId('difficulty')}
        label="Difficulty"
        value={draft.difficulty}
        options={difficultyOptions}
        errors={errors.difficulty}
        onChange={(e) => set('difficulty')(e.target.value)}
      />

      <InputField
        id={fieldId('durationMinutes')}
        label="Duration (minutes)"
        type="number"
        inputMode="numeric"
        min={1}
        max={600}
        step={1}
        value={draft.durationMinutes}
        errors={errors.durationMinutes}
        onChange={(e) => set('durationMinutes')(e.target.value)}
      />

      <InputField
        id={fieldId('xpReward')}
        label="XP reward"
        type="number"
        inputMode="numeric"
        min={0}
        max={10000}
        step={1}
        value={draft.xpReward}
        hint="Granted once, when a learner completes the quest."
        errors={errors.xpReward}
        onChange={(e) => set('xpReward')(e.target.value)}
      />

      <SelectField
        id={fieldId('tier')}
        label="Plan"
        value={draft.tier}
        options={tierOptions}
        errors={errors.tier}
        onChange={(e) => set('tier')(e.target.value)}
      />

      <div className="sm:col-span-2">{cover}</div>
    </div>
  );
}
