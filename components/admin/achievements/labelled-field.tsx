import type { ReactNode } from 'react';
import { fieldId } from './editor-state';
import { errorClass, hintClass, labelClass } from '@/components/admin/styles';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A label, a control, its hint and its first error, wired together for assistive tech. */
export function LabelledField({
  path,
  label,
  hint,
  errors,
  className,
  children,
}: {
  /** The API's name for the field, e.g. "xpReward". */
  path: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children({ id, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className={errorClass}>
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}
