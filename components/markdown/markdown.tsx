import { Fragment, type ComponentProps } from 'react';
import ReactMarkdown, { type Components, type ExtraProps } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Renders authored Markdown safely: raw HTML is dropped (`skipHtml`, no rehype-raw), URLs go
 * through react-markdown's default transform (no `javascript:`), external links open in a new tab
 * with `rel="noopener noreferrer"`, and code blocks and tables scroll inside themselves on small
 * screens (focusable, so keyboard users can scroll them too).
 */

const remarkPlugins = [remarkGfm];

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
type Tag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

const headingStyle: Record<HeadingLevel, string> = {
  1: 'mt-8 text-2xl font-bold tracking-tight',
  2: 'mt-8 text-xl font-bold tracking-tight',
  3: 'mt-6 text-lg font-semibold',
  4: 'mt-5 text-base font-semibold',
  5: 'mt-4 text-sm font-semibold',
  6: 'mt-4 text-sm font-semibold text-slate-700',
};

/** Absolute http(s) links leave the app; everything else (relative, #anchors, mailto) stays. */
export const isExternalHref = (href: string | undefined) => !!href && /^https?:\/\//i.test(href);

function MarkdownLink({ node: _node, href, children, ...props }: ComponentProps<'a'> & ExtraProps) {
  const className = 'font-medium text-brand-700 underline decoration-brand-500/50 underline-offset-2 hover:text-brand-800';
  if (!isExternalHref(href)) {
    return (
      <a {...props} href={href} className={className}>
        {children}
      </a>
    );
  }
  return (
    <a {...props} href={href} target="_blank" rel="noopener noreferrer" className={className}>
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function headingComponents(offset: number): Components {
  const entries = ([1, 2, 3, 4, 5, 6] as const).map((level) => {
    const shifted = Math.min(6, level + offset) as HeadingLevel;
    const Heading = `h${shifted}` as Tag;
    function ShiftedHeading({ node: _node, className: _className, ...props }: ComponentProps<'h1'> & ExtraProps) {
      return <Heading {...props} className={`${headingStyle[shifted]} text-slate-900 first:mt-0`} />;
    }
    return [`h${level}`, ShiftedHeading] as const;
  });
  return Object.fromEntries(entries);
}

const blockComponents: Components = {
  a: MarkdownLink,
  p: ({ node: _node, ...props }) => <p {...props} className="mt-4 leading-7 first:mt-0" />,
  ul: ({ node: _node, ...props }) => <ul {...props} className="mt-4 list-disc space-y-2 pl-6 marker:text-slate-400" />,
  ol: ({ node: _node, ...props }) => <ol {...props} className="mt-4 list-decimal space-y-2 pl-6 marker:text-slate-500" />,
  li: ({ node: _node, ...props }) => <li {...props} className="leading-7 [&>ol]:mt-2 [&>ul]:mt-2" />,
  blockquote: ({ node: _node, ...props }) => (
    <blockquote {...props} className="mt-4 border-l-4 border-brand-200 pl-4 text-slate-700 italic" />
  ),
  pre: ({ node: _node, ...props }) => (
    // Scrolls sideways instead of widening the page; tabIndex lets keyboard users scroll it.
    <pre
      {...props}
      tabIndex={0}
      className="mt-4 max-w-full overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-sm leading-6 text-slate-100 [&>code]:bg-transparent [&>code]:p-0 [&>code]:text-[1em] [&>code]:text-inherit [&>code]:ring-0"
    />
  ),
  code: ({ node: _node, className, ...props }) => (
    <code
      {...props}
      className={`rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.875em] break-words text-slate-900 ring-1 ring-inset ring-slate-200 ${className ?? ''}`}
    />
  ),
  table: ({ node: _node, ...props }) => (
    <div tabIndex={0} className="mt-4 max-w-full overflow-x-auto rounded-lg ring-1 ring-slate-200">
      <table {...props} className="min-w-full divide-y divide-slate-200 text-left text-sm" />
    </div>
  ),
  th: ({ node: _node, ...props }) => <th {...props} className="bg-slate-50 px-3 py-2 font-semibold text-slate-900" />,
  td: ({ node: _node, ...props }) => <td {...props} className="border-t border-slate-100 px-3 py-2 align-top" />,
  hr: ({ node: _node, ...props }) => <hr {...props} className="my-6 border-slate-200" />,
  img: ({ node: _node, alt, ...props }) => (
    // Authored images are remote URLs of unknown size; next/image would need them configured.
    <img {...props} alt={alt ?? ''} loading="lazy" className="mt-4 h-auto max-w-full rounded-lg" />
  ),
};

/** Built once per offset: components made during render would remount on every render. */
const headingSets = [0, 1, 2, 3, 4, 5].map((offset) => ({ ...blockComponents, ...headingComponents(offset) }));

export function Markdown({
  children,
  headingOffset = 0,
  className = '',
  id,
}: {
  children: string;
  /** Shifts heading levels so authored `##` fits under the page's own headings. */
  headingOffset?: number;
  className?: string;
  id?: string;
}) {
  return (
    <div id={id} className={`min-w-0 text-base text-slate-800 ${className}`}>
      <ReactMarkdown remarkPlugins={remarkPlugins} skipHtml components={headingSets[Math.min(5, Math.max(0, headingOffset))]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}

const inlineComponents: Components = {
  p: ({ children }) => <Fragment>{children}</Fragment>,
  code: blockComponents.code,
};
const inlineAllowed = ['p', 'code', 'strong', 'em', 'del'];

/**
 * One line of Markdown for places that only take phrasing content (labels, buttons): code,
 * emphasis and strikethrough survive; links, lists and block elements are reduced to their text.
 */
export function InlineMarkdown({ children }: { children: string }) {
  return (
    <ReactMarkdown
      remarkPlugins={remarkPlugins}
      skipHtml
      allowedElements={inlineAllowed}
      unwrapDisallowed
      components={inlineComponents}
    >
      {children}
    </ReactMarkdown>
  );
}
