'use client';

import { useEffect, useRef, useState, type Dispatch } from 'react';
import { useFocusOnAdd } from '@/hooks/use-quest-editor-focus';
import { MAX_QUEST_STEPS } from '@/lib/admin/quests/schemas';
import { STEP_KINDS, type StepKind } from '@/lib/quests/schemas';
import { ConfirmDialog } from '@/components/admin/confirm-dialog';
import type { DraftStep } from './editor-draft';
import { fieldId, type EditorErrors } from './editor-errors';
import type { EditorAction } from './editor-reducer';
import { FieldError } from './fields';
import { StepCard, stepKindLabel } from './step-card';
import { secondaryButton } from '@/components/admin/styles';

/**
 * The quest's steps in play order. Moving is done with buttons (keyboard friendly); focus stays
 * on the moved step's button and a live region says where it went. Removing a saved step of a
 * quest learners have started asks first: answered steps are archived, not deleted.
 */
export function StepList({
  steps,
  dispatch,
  errors,
  learnerCount,
}: {
  steps: DraftStep[];
  dispatch: Dispatch<EditorAction>;
  errors: EditorErrors;
  learnerCount: number;
}) {
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState<DraftStep | null>(null);
  const focusAfter = useRef<{ key: string; button: 'up' | 'down' } | { afterRemoveAt: number } | null>(null);
  const { containerRef, expectAdd } = useFocusOnAdd<HTMLOListElement>(steps.length);
  const addGroupRef = useRef<HTMLDivElement>(null);
  const full = steps.length >= MAX_QUEST_STEPS;

  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    if ('key' in target) {
      const card = document.querySelector(`[data-step-key="${target.key}"]`);
      const wanted = card?.querySelector<HTMLButtonElement>(`[data-step-action="${target.button}"]`);
      // At the top or bottom the pressed button is disabled: focus its twin instead.
      const other = card?.querySelector<HTMLButtonElement>(`[data-step-action="${target.button === 'up' ? 'down' : 'up'}"]`);
      (wanted && !wanted.disabled ? wanted : other)?.focus();
    } else {
      // After a removal: the step that took its place, the one before, or the "add" buttons.
      const next = steps[target.afterRemoveAt] ?? steps[target.afterRemoveAt - 1];
      const heading = next ? document.getElementById(`${next.key}-heading`) : null;
      (heading ?? addGroupRef.current?.querySelector('button'))?.focus();
    }
  }, [steps]);

  function move(step: DraftStep, index: number, by: -1 | 1, button: 'up' | 'down') {
    focusAfter.current = { key: step.key, button };
    dispatch({ type: 'moveStep', key: step.key, by });
    setAnnouncement(`Step moved to position ${index + by + 1} of ${steps.length}.`);
  }

  function remove(step: DraftStep) {
    const index = steps.findIndex((s) => s.key === step.key);
    focusAfter.current = { afterRemoveAt: index };
    dispatch({ type: 'removeStep', key: step.key });
    setAnnouncement(`Step ${index + 1} removed. ${steps.length - 1} steps left.`);
  }

  function add(kind: StepKind) {
    expectAdd();
    dispatch({ type: 'addStep', kind });
    setAnnouncement(`${stepKindLabel[kind]} step added as step ${steps.length + 1}.`);
  }

  return (
    <section aria-labelledby="steps-heading" className="space-y-4">
      <div>
        <h2 id="steps-heading" className="text-xl font-bold tracking-tight text-slate-900">
          Steps
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Learners take them in this order. Publishing needs at least one step.
          {learnerCount > 0 ? ' Steps keep their identity when edited or moved, so learners’ answers stay valid.' : ''}
        </p>
        <FieldError id={fieldId('steps')} errors={errors.steps} />
      </div>

      {steps.length ? (
        <ol ref={containerRef} className="space-y-4">
          {steps.map((step, index) => (
            <li key={step.key}>
              <StepCard
                step={step}
                index={index}
                total={steps.length}
                dispatch={dispatch}
                errors={errors}
                onMove={(by, button) => move(step, index, by, button)}
                onRemove={() => (learnerCount > 0 && step.id ? setConfirming(step) : remove(step))}
              />
            </li>
          ))}
        </ol>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-700">
          No steps yet. Add a reading, a quiz or a hands-on task.
        </p>
      )}

      <div id={fieldId('steps')} ref={addGroupRef} role="group" aria-label="Add a step" className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {STEP_KINDS.map((kind) => (
          <button key={kind} type="button" className={secondaryButton} disabled={full} onClick={() => add(kind)}>
            <span aria-hidden="true">+</span> Add {stepKindLabel[kind].toLowerCase()}
          </button>
        ))}
      </div>
      {full ? <p className="text-sm text-slate-600">A quest holds at most {MAX_QUEST_STEPS} steps.</p> : null}

      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <ConfirmDialog
        open={confirming !== null}
        title="Remove this step?"
        confirmLabel="Remove step"
        onConfirm={() => {
          if (confirming) remove(confirming);
          setConfirming(null);
        }}
        onClose={() => setConfirming(null)}
      >
        <p>
          {learnerCount === 1 ? '1 learner has' : `${learnerCount} learners have`} started this quest. When you save, the step leaves the
          quest for everyone; if learners already answered it, it is archived with their answers rather than deleted, so their
          progress and scores stay intact.
        </p>
      </ConfirmDialog>
    </section>
  );
}
