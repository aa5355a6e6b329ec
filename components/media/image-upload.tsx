'use client';

import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { ApiRequestError, apiFetch } from '@/lib/api/client';
import { IMAGE_ACCEPT, IMAGE_ERRORS, IMAGE_RULES_TEXT, MAX_IMAGE_BYTES } from '@/lib/storage/image-rules';
import { SNIFF_BYTES, sniffImage } from '@/lib/storage/sniff-image';

export type ImageUploadEndpoint = '/api/admin/uploads/cover' | '/api/me/avatar';

export interface ImageUploadProps {
  label: string;
  endpoint: ImageUploadEndpoint;
  /** The current image's URL, or null for none. */
  value: string | null;
  /** Receives the uploaded image's URL (for the avatar endpoint: the new avatarUrl), or null when removed. */
  onChange: (url: string | null) => void;
  hint?: string;
  id?: string;
}

type Phase = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'removing' };

const NETWORK_ERROR = 'Could not reach WorkFree. Check your connection and try again.';

/** The file's first bytes, for the same magic-number check the server makes. */
function readHead(file: Blob): Promise<Uint8Array> {
  const head = file.slice(0, SNIFF_BYTES);
  if (typeof head.arrayBuffer === 'function') return head.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(head);
  });
}

/** The browser's pre-check: saves sending a file the server would refuse. The server decides. */
async function precheck(file: File): Promise<string | null> {
  if (file.size === 0) return IMAGE_ERRORS.empty;
  if (file.size > MAX_IMAGE_BYTES) return IMAGE_ERRORS.tooLarge;
  return sniffImage(await readHead(file)) ? null : IMAGE_ERRORS.wrongType;
}

interface UploadAnswer {
  success?: boolean;
  avatarUrl?: string | null;
  upload?: { url: string };
  error?: { message?: string; fields?: Record<string, string[]> };
}

/**
 * A labelled image picker that uploads as soon as a file is chosen: XMLHttpRequest rather than
 * fetch, because only XHR reports upload progress. Errors from the API's `fields.file` show next to
 * the field; the status line is announced to screen readers.
 */
export function ImageUpload({ label, endpoint, value, onChange, hint, id }: ImageUploadProps) {
  const generatedId = useId();
  const inputId = id ?? `image-upload-${generatedId}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const requestRef = useRef<XMLHttpRequest | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const avatar = endpoint === '/api/me/avatar';
  const busy = phase.kind !== 'idle';

  // A page left mid-upload should not finish it behind the user's back.
  useEffect(() => () => requestRef.current?.abort(), []);

  function fail(message: string) {
    setPhase({ kind: 'idle' });
    setError(message);
    setStatus('');
  }

  function send(file: File) {
    const request = new XMLHttpRequest();
    requestRef.current = request;
    request.open('POST', endpoint);
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) setPhase({ kind: 'uploading', percent: Math.round((event.loaded / event.total) * 100) });
    };
    request.onerror = () => fail(NETWORK_ERROR);
    request.onload = () => {
      requestRef.current = null;
      let answer: UploadAnswer | null = null;
      try {
        answer = JSON.parse(request.responseText) as UploadAnswer;
      } catch {
        answer = null;
      }
      const url = avatar ? answer?.avatarUrl : answer?.upload?.url;
      if (request.status >= 400 || !answer?.success || !url) {
        fail(answer?.error?.fields?.file?.[0] ?? answer?.error?.message ?? 'The upload failed. Please try again.');
        return;
      }
      setPhase({ kind: 'idle' });
      setStatus('Image uploaded.');
      onChange(url);
    };
    const form = new FormData();
    form.append('file', file);
    request.send(form);
  }

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so choosing the same file again (after fixing it) still counts as a change.
    input.value = '';
    if (!file) return;
    setError(null);
    setStatus('Uploading image…');
    setPhase({ kind: 'uploading', percent: 0 });
    const problem = await precheck(file).catch(() => null);
    if (problem) return fail(problem);
    send(file);
  }

  async function remove() {
    setError(null);
    if (avatar) {
      setPhase({ kind: 'removing' });
      setStatus('Removing image…');
      try {
        await apiFetch('/api/me/avatar', { method: 'DELETE' });
      } catch (caught) {
        return fail(caught instanceof ApiRequestError ? caught.body.message : 'Could not remove the image. Please try again.');
      }
    }
    setPhase({ kind: 'idle' });
    setStatus('Image removed.');
    onChange(null);
    inputRef.current?.focus();
  }

  const previewShape = avatar ? 'size-20 rounded-full' : 'aspect-video w-40 rounded-lg';
  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <div className="mt-2 flex flex-col gap-4 sm:flex-row sm:items-start">
        {value ? (
          <img src={value} alt={`Current ${label.toLowerCase()}`} className={`${previewShape} shrink-0 bg-slate-100 object-cover ring-1 ring-slate-200`} />
        ) : (
          <div className={`${previewShape} grid shrink-0 place-items-center bg-slate-100 text-xs text-slate-600 ring-1 ring-slate-200`}>
            No image
          </div>
        )}
        <div className="min-w-0 flex-1 space-y-2">
          <input
            ref={inputRef}
            id={inputId}
            name="file"
            type="file"
            accept={IMAGE_ACCEPT}
            onChange={handleFile}
            disabled={busy}
            aria-invalid={error ? true : undefined}
            aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
            className="block w-full min-w-0 text-sm text-slate-700 file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-lg file:border-0 file:bg-brand-50 file:px-4 file:py-2 file:text-sm file:font-semibold file:text-brand-700 hover:file:bg-brand-100 focus-visible:rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 disabled:cursor-wait disabled:opacity-70"
          />
          <p id={hintId} className="text-xs text-slate-600">
            {hint ? `${hint} ` : ''}
            {IMAGE_RULES_TEXT}.
          </p>
          {phase.kind === 'uploading' ? (
            <div className="flex items-center gap-3">
              <progress value={phase.percent} max={100} aria-label={`Uploading ${label.toLowerCase()}`} className="h-2 w-full max-w-xs accent-brand-600" />
              <span aria-hidden="true" className="text-xs tabular-nums text-slate-600">
                {phase.percent}%
              </span>
            </div>
          ) : null}
          <p role="status" aria-live="polite" className="text-sm text-slate-700 empty:hidden">
            {status}
          </p>
          {error ? (
            <p id={errorId} role="alert" className="text-sm text-rose-700">
              {error}
            </p>
          ) : null}
          {value ? (
            <button
              type="button"
              onClick={remove}
              disabled={busy}
              className="min-h-11 rounded-lg px-4 text-sm font-semibold text-rose-700 ring-1 ring-inset ring-rose-200 hover:bg-rose-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-600 disabled:opacity-70"
            >
              {phase.kind === 'removing' ? 'Removing…' : 'Remove image'}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
