/**
 * Splits a plain-text mail body into text and link segments, so a page can render the links as
 * anchors without ever treating the body as HTML. Only http and https URLs become links; the href
 * is the parsed URL, so a scheme like `javascript:` can never reach an anchor.
 */

export type BodySegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Sentence punctuation that ends a URL in prose rather than belonging to it.
const TRAILING = /[.,;:!?'"]+$/;

function trimCandidate(candidate: string): string {
  let url = candidate.replace(TRAILING, '');
  // A closing bracket belongs to the URL only when the URL opened one: "(see https://x/a)".
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    while (url.endsWith(close) && url.split(open).length < url.split(close).length) {
      url = url.slice(0, -1).replace(TRAILING, '');
    }
  }
  return url;
}

function safeHref(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function linkifyText(body: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const previous = segments.at(-1);
    if (previous?.kind === 'text') previous.text += text;
    else segments.push({ kind: 'text', text });
  };
  for (const match of body.matchAll(CANDIDATE)) {
    const start = match.index;
    const text = trimCandidate(match[0]);
    const href = safeHref(text);
    if (!href) continue;
    pushText(body.slice(last, start));
    segments.push({ kind: 'link', text, href });
    last = start + text.length;
  }
  pushText(body.slice(last));
  return segments;
}

/** The http(s) links of a body, in order: what the e2e suite follows out of a verification mail. */
export function linksIn(body: string): string[] {
  return linkifyText(body).flatMap((s) => (s.kind === 'link' ? [s.href] : []));
}
