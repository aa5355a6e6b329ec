/** @jest-environment jsdom */
import { render } from '@testing-library/react';
import { InlineMarkdown, Markdown } from '@/components/markdown/markdown';
import { LeaderboardTable } from '@/components/dashboard/leaderboard-table';

/**
 * Quest text is authored Markdown and names are typed by learners: neither may ever become live
 * HTML. Each payload is rendered by both Markdown renderers and the rendered DOM is searched for
 * anything that could run script or load active content.
 */
const HOSTILE = [
  '<script>alert(1)</script>',
  'Hello <img src=x onerror="alert(1)"> world',
  '<iframe src="https://evil.test"></iframe>',
  '<div onclick="alert(1)" style="position:fixed;inset:0">cover</div>',
  '<svg onload="alert(1)"><circle r="9"/></svg>',
  '<style>body { display: none }</style>',
  '<object data="https://evil.test/x.swf"></object><embed src="https://evil.test/x.swf">',
  '<a href="javascript:alert(1)">raw link</a>',
  '<form action="https://evil.test"><input name="password"></form>',
  '<details open ontoggle="alert(1)"><summary>s</summary></details>',
  '<!-- comment --><meta http-equiv="refresh" content="0;url=https://evil.test">',
  '[click](javascript:alert(1))',
  '[mixed case](JaVaScRiPt:alert(1))',
  '[spaced](  javascript:alert(1))',
  '[tab](java\tscript:alert(1))',
  '[entity](java&#x73;cript:alert(1))',
  '[encoded](javascript%3Aalert(1))',
  '[vb](vbscript:msgbox(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![image](javascript:alert(1))',
  '![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<javascript:alert(1)>',
  '[ref][r]\n\n[r]: javascript:alert(1)',
  '| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |',
  '```html\n<script>alert(1)</script>\n```',
  '`<img src=x onerror=alert(1)>`',
  '> <script>alert(1)</script>\n\n- <b onmouseover="alert(1)">item</b>',
];

const ACTIVE_ELEMENTS = 'script, iframe, object, embed, style, link, meta, form, input, svg, math, base, frame, frameset, details, div[onclick], b';
const DANGEROUS_URL = /^\s*(?:javascript|vbscript|data|file):/i;

function assertInert(container: HTMLElement, payload: string) {
  const where = `for ${JSON.stringify(payload)}`;
  expect({ where, active: Array.from(container.querySelectorAll(ACTIVE_ELEMENTS)).map((e) => e.outerHTML) }).toEqual({ where, active: [] });
  for (const element of Array.from(container.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect({ where, attribute: attribute.name }).not.toEqual({ where, attribute: expect.stringMatching(/^on/i) });
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset'].includes(attribute.name)) {
        expect({ where, url: attribute.value }).not.toEqual({ where, url: expect.stringMatching(DANGEROUS_URL) });
      }
    }
  }
  // Authored images survive only from safe URLs: relative or http(s).
  for (const img of Array.from(container.querySelectorAll('img'))) {
    expect(img.getAttribute('src') ?? '').toMatch(/^(?:https?:\/\/|\/|[^:]*$)/);
  }
}

describe('hostile Markdown never becomes live HTML', () => {
  it.each(HOSTILE.map((p) => [p]))('block Markdown: %s', (payload) => {
    const { container } = render(<Markdown>{payload}</Markdown>);
    assertInert(container, payload);
  });

  it.each(HOSTILE.map((p) => [p]))('inline Markdown: %s', (payload) => {
    const { container } = render(<InlineMarkdown>{payload}</InlineMarkdown>);
    assertInert(container, payload);
  });

  it('shows code that contains HTML as text, not markup', () => {
    const { container } = render(<Markdown>{'```html\n<script>alert(1)</script>\n```\n\nand `<img src=x onerror=alert(1)>`'}</Markdown>);
    const codes = Array.from(container.querySelectorAll('code')).map((c) => c.textContent);
    expect(codes).toEqual(['<script>alert(1)</script>\n', '<img src=x onerror=alert(1)>']);
    expect(container.querySelector('script, img')).toBeNull();
  });

  it('keeps safe links and images working', () => {
    const { container } = render(<Markdown>{'[docs](https://example.test/a?b=c) [home](/quests) ![cover](https://cdn.example.test/x.png)'}</Markdown>);
    expect(Array.from(container.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['https://example.test/a?b=c', '/quests']);
    expect(container.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example.test/x.png');
  });
});

describe('learner-typed names are text', () => {
  it('renders a hostile display name on the leaderboard as its characters', () => {
    const name = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';
    const { container } = render(<LeaderboardTable entries={[{ rank: 1, displayName: name, xp: 10, isMe: false }]} />);
    expect(container.querySelector('tbody img, tbody script')).toBeNull();
    expect(container.querySelector('tbody th')?.textContent).toBe(name);
  });
});
