'use client';

import { ImageUpload } from '@/components/media/image-upload';
import { fieldId, type EditorErrors } from './editor-errors';
import { FieldError } from './fields';

/**
 * The quest's cover image: uploaded at once through the checked cover route (type sniffed,
 * size limited); the quest keeps only the returned URL, saved with the rest of the form.
 */
export function CoverImageField({
  value,
  onChange,
  errors,
}: {
  value: string | null;
  onChange: (url: string | null) => void;
  errors: EditorErrors;
}) {
  const id = fieldId('coverImageUrl');
  return (
    <div>
      <ImageUpload
        id={id}
        label="Cover image"
        endpoint="/api/admin/uploads/cover"
        value={value}
        onChange={onChange}
        hint="Shown on the quest's card and overview; a wide image (about 3:1) works best."
      />
      <FieldError id={id} errors={errors.coverImageUrl} />
    </div>
  );
}
