import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../shared/languages';
import type { MessageBox } from '../desktop/ask';
import { wordsIn } from '../i18n';
import { hostsNamedIn, judgeLink, openLink } from './links';

describe('judgeLink', () => {
  it('opens plain http(s) links whose text is ordinary words or names the same host', () => {
    expect(judgeLink('https://en.wikipedia.org/wiki/Binary_search', 'Wikipedia')).toEqual({
      action: 'open',
      url: 'https://en.wikipedia.org/wiki/Binary_search',
    });
    expect(judgeLink('https://modelslab.com/docs', 'modelslab.com').action).toBe('open');
    expect(judgeLink('https://www.modelslab.com/docs', 'https://modelslab.com/docs').action).toBe('open');
    expect(judgeLink('https://github.com/a/b/blob/main/x.ts', 'https://github.com/a/b/blob/main/x.ts').action).toBe(
      'open',
    );
  });

  it.each([
    'https://modelslab.com@evil.example/login',
    'https://user:password@evil.example/',
    'http://:pw@evil.example/',
  ])('refuses %s, which hides its host behind a user name', (url) => {
    const verdict = judgeLink(url, 'modelslab.com');
    expect(verdict.action).toBe('refuse');
    if (verdict.action === 'refuse') expect(verdict.reason).toContain('evil.example');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'ms-msdt:/id', 'data:text/html,x', 'nonsense'])(
    'refuses %s',
    (url) => expect(judgeLink(url).action).toBe('refuse'),
  );

  it('asks first when the text names another host, and says which one it really opens', () => {
    const verdict = judgeLink('https://evil.example/login', 'https://modelslab.com/dashboard');
    expect(verdict).toMatchObject({
      action: 'confirm',
      host: 'evil.example',
      doubts: [{ kind: 'text-names-another-host', named: ['modelslab.com'], host: 'evil.example' }],
    });
    expect(judgeLink('https://evil.example/', 'Sign in at modelslab.com').action).toBe('confirm');
    expect(judgeLink('https://modelslab.com.evil.example/', 'modelslab.com').action).toBe('confirm');
  });

  it('sees through invisible characters and look-alike letters in the text', () => {
    // Zero-width space inside the host, and a right-to-left override.
    expect(hostsNamedIn('model\u200Bslab.com')).toEqual(['modelslab.com']);
    expect(judgeLink('https://evil.example/', 'model\u200Bslab.com').action).toBe('confirm');
    expect(judgeLink('https://evil.example/invoice.exe', 'invoice\u202Efdp.exe').action).toBe('confirm');
    // Cyrillic "а" and "о" in a name that reads as modelslab.com.
    const cyrillic = 'm\u043Edelsl\u0430b.com';
    expect(hostsNamedIn(cyrillic)[0]).toMatch(/^xn--/);
    expect(judgeLink('https://modelslab.com/', cyrillic).action).toBe('confirm');
    // Fullwidth letters and an ideographic full stop read as the real name, so they match it.
    expect(judgeLink('https://modelslab.com/', 'ｍodelslab。com').action).toBe('open');
  });

  it('asks first for an international host, showing its punycode form', () => {
    const verdict = judgeLink('https://m\u043Edelslab.com/', 'here');
    expect(verdict).toMatchObject({
      action: 'confirm',
      host: 'xn--mdelslab-nbh.com',
      doubts: [{ kind: 'international-host', host: 'xn--mdelslab-nbh.com', unicode: 'm\u043Edelslab.com' }],
    });
  });

  it('keeps only subject and body in a mailto link', () => {
    const verdict = judgeLink(
      'mailto:help@example.com?subject=Hi%20there&attach=/home/u/.ssh/id_rsa&cc=spy@evil.example&body=Line+one&bcc=x@y.z',
      'help@example.com',
    );
    expect(verdict).toEqual({ action: 'open', url: 'mailto:help@example.com?subject=Hi%20there&body=Line+one' });
    expect(judgeLink('mailto:help@example.com?ATTACH=x&Subject=A')).toEqual({
      action: 'open',
      url: 'mailto:help@example.com?subject=A',
    });
    expect(judgeLink('mailto:spy@evil.example', 'support@modelslab.com').action).toBe('confirm');
  });
});

describe('openLink', () => {
  function deps(answer: number, language: Language = 'en') {
    const asked: MessageBox[] = [];
    const open = vi.fn(async () => {});
    return { asked, open, ask: async (box: MessageBox) => (asked.push(box), answer), words: () => wordsIn(language) };
  }

  it('opens a clear link without asking', async () => {
    const d = deps(0);
    await openLink(d, 'https://modelslab.com/docs', 'the docs');
    expect(d.open).toHaveBeenCalledWith('https://modelslab.com/docs');
    expect(d.asked).toEqual([]);
  });

  it('opens a doubtful link only when the user chooses to in main’s dialog, which names the real host', async () => {
    const no = deps(0);
    await openLink(no, 'https://evil.example/', 'modelslab.com');
    expect(no.open).not.toHaveBeenCalled();
    expect(no.asked[0]).toMatchObject({
      title: 'Check this link',
      message: 'Open evil.example?',
      detail:
        'The link’s text names modelslab.com, but it opens evil.example.\n\nThe full address is:\nhttps://evil.example/',
      buttons: ['Cancel', 'Open evil.example'],
      defaultId: 0,
      cancelId: 0,
    });
    const yes = deps(1);
    await openLink(yes, 'https://evil.example/', 'modelslab.com');
    expect(yes.open).toHaveBeenCalledWith('https://evil.example/');
  });

  it('asks in the language of the settings, the real host and address kept as they are', async () => {
    const ja = deps(0, 'ja');
    await openLink(ja, 'https://evil.example/', 'modelslab.com');
    expect(ja.asked[0]).toMatchObject({
      title: 'リンクを確認してください',
      message: 'evil.example を開きますか？',
      buttons: ['キャンセル', 'evil.example を開く'],
    });
    expect(ja.asked[0]!.detail).toContain('modelslab.com');
    expect(ja.asked[0]!.detail).toContain('https://evil.example/');
    const ar = deps(0, 'ar');
    await openLink(ar, 'https://m\u043Edelslab.com/', 'here');
    expect(ar.asked[0]!.message).toMatch(/\p{Script=Arabic}.*xn--mdelslab-nbh\.com/u);
    expect(ar.asked[0]!.detail).toContain('m\u043Edelslab.com');
    expect(ar.asked[0]!.buttons[0]).toBe('إلغاء');
  });

  it('answers a refused link with link_refused and opens nothing', async () => {
    const d = deps(1);
    await expect(openLink(d, 'https://modelslab.com@evil.example/')).rejects.toMatchObject({ code: 'link_refused' });
    expect(d.open).not.toHaveBeenCalled();
  });
});
