'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { dangerButton, primaryButton, secondaryButton } from '@/components/admin/styles';

/**
 * A modal confirmation on the native <dialog>: the browser traps focus and closes it on Escape;
 * it opens with focus on the safe choice (cancel) and gives focus back to whatever opened it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel = 'Working…',
  cancelLabel = 'Cancel',
  tone = 'danger',
  pending = false,
  error,
  extraAction,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  cancelLabel?: string;
  tone?: 'danger' | 'brand';
  pending?: boolean;
  /** Why the action failed, shown inside the dialog. */
  error?: string | null;
  /** A second way out offered by the error (e.g. "Archive instead"). */
  extraAction?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={() => {
        onClose();
        // The opener may be gone (a removed step); then focus stays where the browser puts it.
        if (opener.current?.isConnected) opener.current.focus();
      }}
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="space-y-4 p-6">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <div id={bodyId} className="space-y-2 text-sm text-slate-700">
          {children}
        </div>
        {error ? <FormAlert>{error}</FormAlert> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:flex-wrap sm:justify-end">
          <button ref={cancelRef} type="button" className={secondaryButton} disabled={pending} onClick={() => ref.current?.close()}>
            {cancelLabel}
          </button>
          {extraAction}
          <button type="button" className={tone === 'danger' ? dangerButton : primaryButton} disabled={pending} onClick={onConfirm}>
            {pending ? pendingLabel : confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
