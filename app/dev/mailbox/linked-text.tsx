import { linkifyText } from '@/lib/mail/links';

/**
 * A plain-text mail body with its http(s) links as anchors. Rendered as React text and elements,
 * never as HTML: the stored HTML body is not shown at all.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkifyText(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <a
            key={i}
            href={segment.href}
            className="break-all font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
          >
            {segment.text}
          </a>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
