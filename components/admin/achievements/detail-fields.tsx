'use client';

import { ACHIEVEMENT_RARITIES } from '@/lib/achievements/criteria';
import { rarityLabel } from '@/components/achievements/rarity';
import type { EditorErrors, EditorValues } from './editor-state';
import { LabelledField } from './labelled-field';
import { inputClass } from '@/components/admin/styles';

type DetailKey = 'name' | 'slug' | 'description' | 'iconUrl' | 'rarity' | 'xpReward';

/** Name, slug, description, icon, rarity and XP: what learners see on the achievement. */
export function DetailFields({
  values,
  errors,
  onChange,
}: {
  values: EditorValues;
  errors: EditorErrors;
  onChange: (key: DetailKey, value: string) => void;
}) {
  const invalid = (key: DetailKey) => Boolean(errors[key]?.length);
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-4 text-base font-semibold text-slate-900">What learners see</legend>
      <LabelledField path="name" label="Name" errors={errors.name} className="sm:col-span-2">
        {(control) => (
          <input {...control} type="text" required maxLength={255} value={values.name} onChange={(e) => onChange('name', e.target.value)} className={inputClass(invalid('name'))} />
        )}
      </LabelledField>
      <LabelledField path="slug" label="Slug" hint="Lowercase letters, digits and single dashes. Its address in the catalog data." errors={errors.slug}>
        {(control) => (
          <input
            {...control}
            type="text"
            required
            maxLength={80}
            autoCapitalize="none"
            spellCheck={false}
            value={values.slug}
            onChange={(e) => onChange('slug', e.target.value)}
            className={`${inputClass(invalid('slug'))} font-mono`}
          />
        )}
      </LabelledField>
      <LabelledField path="rarity" label="Rarity" errors={errors.rarity}>
        {(control) => (
          <select {...control} value={values.rarity} onChange={(e) => onChange('rarity', e.target.value)} className={inputClass(invalid('rarity'))}>
            {ACHIEVEMENT_RARITIES.map((rarity) => (
              <option key={rarity} value={rarity}>
                {rarityLabel[rarity]}
              </option>
            ))}
          </select>
        )}
      </LabelledField>
      <LabelledField path="description" label="Description" hint="How to earn it, in a sentence or two (10–500 characters)." errors={errors.description} className="sm:col-span-2">
        {(control) => (
          <textarea
            {...control}
            required
            rows={3}
            maxLength={500}
            value={values.description}
            onChange={(e) => onChange('description', e.target.value)}
            className={inputClass(invalid('description'))}
          />
        )}
      </LabelledField>
      <LabelledField path="xpReward" label="XP reward" hint="Granted once, when a learner unlocks it (0 to 10,000)." errors={errors.xpReward}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={0}
            max={10_000}
            step={1}
            required
            value={values.xpReward}
            onChange={(e) => onChange('xpReward', e.target.value)}
            className={inputClass(invalid('xpReward'))}
          />
        )}
      </LabelledField>
      <LabelledField path="iconUrl" label="Icon address (optional)" hint="A site path such as /icons/star.svg, or an https:// address." errors={errors.iconUrl}>
        {(control) => (
          <input {...control} type="text" inputMode="url" maxLength={500} value={values.iconUrl} onChange={(e) => onChange('iconUrl', e.target.value)} className={inputClass(invalid('iconUrl'))} />
        )}
      </LabelledField>
    </fieldset>
  );
}
