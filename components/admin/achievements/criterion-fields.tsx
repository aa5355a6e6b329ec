'use client';

import type { AchievementCriteria } from '@/lib/achievements/criteria';
import { CRITERION_TYPE_LIST, CRITERION_TYPES, isCriterionType, type CriterionField, type CriterionFieldValues } from '@/lib/achievements/criterion-types';
import { fieldId, type EditorErrors } from './editor-state';
import { errorClass, hintClass, inputClass, labelClass } from '@/components/admin/styles';

type CriterionType = AchievementCriteria['type'];

function ParamInput({
  field,
  value,
  errors,
  categories,
  onChange,
}: {
  field: CriterionField;
  value: string;
  errors?: string[];
  categories: string[];
  onChange: (value: string) => void;
}) {
  const id = fieldId(`criteria.${field.name}`);
  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy,
    className: inputClass(Boolean(errors?.length)),
  };
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {field.label}
      </label>
      {field.input === 'choice' ? (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option[0]!.toUpperCase() + option.slice(1)}
            </option>
          ))}
        </select>
      ) : field.input === 'category' ? (
        <>
          <input {...common} type="text" list={`${id}-options`} autoComplete="off" maxLength={100} onChange={(event) => onChange(event.target.value)} />
          <datalist id={`${id}-options`}>
            {categories.map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
        </>
      ) : (
        <input
          {...common}
          type="number"
          inputMode="numeric"
          min={field.min}
          max={field.max}
          step={1}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <p id={`${id}-hint`} className={hintClass}>
        {field.hint}
        {field.input === 'number' ? ` From ${field.min.toLocaleString('en-US')} to ${field.max.toLocaleString('en-US')}.` : ''}
        {field.input === 'category' && categories.length
          ? ` In use: ${categories.slice(0, 8).join(', ')}${categories.length > 8 ? '…' : ''}.`
          : ''}
      </p>
      {errors?.length ? (
        <p id={`${id}-error`} className={errorClass}>
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The criterion: a type, then that type's own inputs (a count, a category, a streak length…),
 * rendered from CRITERION_TYPES so a new type in lib/achievements shows up here by itself.
 */
export function CriterionFields({
  type,
  values,
  errors,
  categories,
  onTypeChange,
  onFieldChange,
}: {
  type: CriterionType;
  values: CriterionFieldValues;
  errors: EditorErrors;
  categories: string[];
  onTypeChange: (type: CriterionType) => void;
  onFieldChange: (name: CriterionField['name'], value: string) => void;
}) {
  const info = CRITERION_TYPES[type];
  const typeId = fieldId('criteria.type');
  const typeErrors = errors['criteria.type'] ?? errors.criteria;
  return (
    <fieldset className="space-y-4">
      <legend className="text-base font-semibold text-slate-900">How it is earned</legend>
      <div>
        <label htmlFor={typeId} className={labelClass}>
          Criterion
        </label>
        <select
          id={typeId}
          value={type}
          aria-describedby={[`${typeId}-hint`, typeErrors?.length ? `${typeId}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={typeErrors?.length ? true : undefined}
          className={inputClass(Boolean(typeErrors?.length))}
          onChange={(event) => {
            if (isCriterionType(event.target.value)) onTypeChange(event.target.value);
          }}
        >
          {CRITERION_TYPE_LIST.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
        <p id={`${typeId}-hint`} className={hintClass}>
          {info.description}
        </p>
        {typeErrors?.length ? (
          <p id={`${typeId}-error`} className={errorClass}>
            {typeErrors[0]}
          </p>
        ) : null}
      </div>
      {info.fields.length ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {info.fields.map((field) => (
            <ParamInput
              key={`${type}-${field.name}`}
              field={field}
              value={values[field.name] ?? ''}
              errors={errors[`criteria.${field.name}`]}
              categories={categories}
              onChange={(value) => onFieldChange(field.name, value)}
            />
          ))}
        </div>
      ) : (
        <p className="text-sm text-slate-600">This criterion has nothing to set.</p>
      )}
    </fieldset>
  );
}
