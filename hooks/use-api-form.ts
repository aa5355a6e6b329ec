'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiRequestError } from '@/lib/api/client';

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * A form backed by an API call: validates the fields with the same zod schema as the route,
 * shows the server's field errors when it disagrees, and reports pending state for the button.
 */
export function useApiForm<S extends z.ZodType, R>(
  schema: S,
  send: (values: z.output<S>) => Promise<R>,
  options: { onSuccess?: (result: R, values: z.output<S>) => void; transform?: (raw: Record<string, string>) => unknown } = {},
) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: (result, values) => options.onSuccess?.(result, values),
    onError: (error) => {
      if (error instanceof ApiRequestError) {
        setFieldErrors(error.body.fields ?? {});
        setFormError(error.body.message);
      } else {
        setFormError('Something went wrong. Please try again.');
      }
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = Object.fromEntries(
      [...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']),
    );
    const parsed = schema.safeParse(options.transform ? options.transform(raw) : raw);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '_root');
        errors[key] = [...(errors[key] ?? []), issue.message];
      }
      setFieldErrors(errors);
      setFormError('Please fix the highlighted fields.');
      // Move focus to the first invalid field, as a screen-reader user would need.
      const first = [...event.currentTarget.elements].find(
        (el): el is HTMLInputElement => el instanceof HTMLInputElement && el.name in errors,
      );
      first?.focus();
      return;
    }
    setFieldErrors({});
    setFormError(null);
    mutation.mutate(parsed.data);
  }

  return { fieldErrors, formError, pending: mutation.isPending, succeeded: mutation.isSuccess, handleSubmit };
}
