/**
 * How the player looks up Markdown the server already rendered: by how it is shown and its exact
 * source text. A text that changed since (the admin preview's live edits) simply misses and is
 * rendered in the browser instead.
 */
export type MarkdownVariant = 'step' | 'inline' | 'explanation';

export const markdownKey = (variant: MarkdownVariant, text: string) => `${variant}\u0000${text}`;
