/**
 * Stand-in for components/markdown/markdown in component tests: react-markdown is ESM-only, and
 * these tests are about the player, not Markdown. Renders the source text as-is.
 */
export function Markdown({ children, id }: { children: string; id?: string }) {
  return <div id={id}>{children}</div>;
}

export function InlineMarkdown({ children }: { children: string }) {
  return <>{children.replace(/`/g, '')}</>;
}
