'use client';

import { fieldId, type EditorErrors } from './editor-errors';
import { InputField } from './fields';

/** The quest's cover image. (Placeholder until the shared upload control lands.) */
export function CoverImageField({
  value,
  onChange,
  errors,
}: {
  value: string | null;
  onChange: (url: string | null) => void;
  errors: EditorErrors;
}) {
  return (
    <InputField
      id={fieldId('coverImageUrl')}
      label="Cover image URL"
      value={value ?? ''}
      hint="Shown on the quest's card."
      errors={errors.coverImageUrl}
      onChange={(e) => onChange(e.target.value.trim() ? e.target.value : null)}
    />
  );
}
