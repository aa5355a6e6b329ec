'use client';

import { createContext, lazy, Suspense, useContext, type ReactNode } from 'react';
import { markdownKey, type MarkdownVariant } from './markdown-key';

const Prerendered = createContext<Record<string, ReactNode>>({});

/** Hands the player the Markdown the server rendered for it (see markdown-variants.tsx). */
export function PrerenderedMarkdownProvider({ rendered, children }: { rendered: Record<string, ReactNode>; children: ReactNode }) {
  return <Prerendered.Provider value={rendered}>{children}</Prerendered.Provider>;
}

// The Markdown libraries load only when some text was not rendered on the server.
const BrowserMarkdown = lazy(() =>
  import('./markdown-variants').then(({ renderMarkdown }) => ({
    default: function BrowserMarkdown({ variant, text }: { variant: MarkdownVariant; text: string }) {
      return renderMarkdown(variant, text);
    },
  })),
);

/** Markdown in the player: the server's rendering when there is one, else rendered here (plain text meanwhile). */
export function PlayerMarkdown({ variant, children }: { variant: MarkdownVariant; children: string }) {
  const rendered = useContext(Prerendered)[markdownKey(variant, children)];
  if (rendered) return rendered;
  const plain = variant === 'inline' ? children : <p className="whitespace-pre-line">{children}</p>;
  return (
    <Suspense fallback={plain}>
      <BrowserMarkdown variant={variant} text={children} />
    </Suspense>
  );
}
