import { linkifyText, linksIn } from '@/lib/mail/links';

describe('linkifyText', () => {
  it('turns http and https URLs into link segments and keeps the text around them', () => {
    expect(linkifyText('Open https://a.test/v?t=1 or http://b.test.\nThanks')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', text: 'https://a.test/v?t=1', href: 'https://a.test/v?t=1' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'http://b.test', href: 'http://b.test/' },
      { kind: 'text', text: '.\nThanks' },
    ]);
  });

  it('never links other schemes', () => {
    const body = 'javascript:alert(1) data:text/html,<b>x</b> ftp://files.test/a mailto:a@b.test';
    expect(linkifyText(body)).toEqual([{ kind: 'text', text: body }]);
  });

  it('leaves sentence punctuation and unmatched brackets out of a link', () => {
    expect(linksIn('(see https://a.test/x), then https://b.test/wiki/A_(b)!')).toEqual([
      'https://a.test/x',
      'https://b.test/wiki/A_(b)',
    ]);
  });

  it('stops a URL at quotes and angle brackets', () => {
    expect(linksIn('<https://a.test/x>"https://b.test/y"')).toEqual(['https://a.test/x', 'https://b.test/y']);
  });

  it('returns one text segment for a body without links, and none for an empty one', () => {
    expect(linkifyText('Hello')).toEqual([{ kind: 'text', text: 'Hello' }]);
    expect(linkifyText('')).toEqual([]);
  });
});
