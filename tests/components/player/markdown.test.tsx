/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { InlineMarkdown, Markdown } from '@/components/markdown/markdown';

describe('Markdown', () => {
  it('drops raw HTML instead of rendering it', () => {
    const { container } = render(
      <Markdown>{'Hello <script>alert(1)</script><img src=x onerror="alert(1)"> <b>there</b>\n\n<iframe src="https://evil.test"></iframe>'}</Markdown>,
    );
    expect(container.querySelector('script, img, iframe, b')).toBeNull();
    expect(container).toHaveTextContent('Hello alert(1) there');
  });

  it('opens external links in a new tab without giving the page access to the opener', () => {
    render(<Markdown>{'[MDN](https://developer.mozilla.org) and [quests](/quests) and [x](javascript:alert(1))'}</Markdown>);
    const external = screen.getByRole('link', { name: /MDN/ });
    expect(external).toHaveAttribute('target', '_blank');
    expect(external).toHaveAttribute('rel', 'noopener noreferrer');
    expect(external).toHaveAccessibleName('MDN (opens in a new tab)');
    const internal = screen.getByRole('link', { name: 'quests' });
    expect(internal).not.toHaveAttribute('target');
    expect(screen.getByText('x').closest('a')?.getAttribute('href') ?? '').not.toMatch(/javascript/i);
  });

  it('shifts authored headings under the page’s own and makes code blocks scrollable by keyboard', () => {
    const { container } = render(<Markdown headingOffset={1}>{'## Landmarks\n\n```html\n<main>…</main>\n```'}</Markdown>);
    expect(screen.getByRole('heading', { level: 3, name: 'Landmarks' })).toBeInTheDocument();
    const pre = container.querySelector('pre');
    expect(pre).toHaveAttribute('tabindex', '0');
    expect(pre).toHaveClass('overflow-x-auto');
    expect(pre).toHaveTextContent('<main>…</main>');
  });

  it('renders an inline snippet as phrasing content only', () => {
    const { container } = render(
      <label>
        <InlineMarkdown>{'`<aside>` is **right** — see [docs](https://x.test)'}</InlineMarkdown>
      </label>,
    );
    expect(container.querySelector('label code')).toHaveTextContent('<aside>');
    expect(container.querySelector('label p, label a')).toBeNull();
    expect(container).toHaveTextContent('<aside> is right — see docs');
  });
});
