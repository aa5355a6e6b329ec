import type { ReactNode } from 'react';
import { InlineMarkdown, Markdown } from './markdown-mock';

/**
 * Stand-in for components/player/player-markdown in component tests: renders at once through the
 * Markdown stand-in instead of loading the real renderer lazily.
 */
export function PrerenderedMarkdownProvider({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

export function PlayerMarkdown({ variant, children }: { variant: 'step' | 'inline' | 'explanation'; children: string }) {
  return variant === 'inline' ? <InlineMarkdown>{children}</InlineMarkdown> : <Markdown>{children}</Markdown>;
}
