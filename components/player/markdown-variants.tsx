import type { ReactNode } from 'react';
import { InlineMarkdown, Markdown } from '@/components/markdown/markdown';
import { markdownKey, type MarkdownVariant } from './markdown-key';
import type { PlayerStep } from '@/lib/progress/player-types';

/**
 * The player's three Markdown renderings. The quest player page runs these on the server (so
 * react-markdown and remark-gfm stay out of the player's JavaScript); the browser loads them
 * lazily only for text the server did not render (an explanation that arrives with a grade).
 */
export function renderMarkdown(variant: MarkdownVariant, text: string): ReactNode {
  switch (variant) {
    case 'step':
      // Authored `#` sits under the step's own h2.
      return <Markdown headingOffset={1}>{text}</Markdown>;
    case 'inline':
      return <InlineMarkdown>{text}</InlineMarkdown>;
    case 'explanation':
      return <Markdown className="mt-1 text-sm [&_li]:leading-6 [&_p]:leading-6">{text}</Markdown>;
  }
}

/** Every Markdown text a learner's player shows on load: step bodies, choices, stored explanations. */
export function prerenderPlayerMarkdown(steps: PlayerStep[]): Record<string, ReactNode> {
  const rendered: Record<string, ReactNode> = {};
  const add = (variant: MarkdownVariant, text: string | null | undefined) => {
    if (text) rendered[markdownKey(variant, text)] = renderMarkdown(variant, text);
  };
  for (const step of steps) {
    add('step', step.body);
    for (const choice of step.choices ?? []) add('inline', choice.text);
    add('explanation', step.result?.explanation);
  }
  return rendered;
}
