import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { appError, ERROR_CODES } from '../../../../shared/errors';
import { applyLanguage } from '../../i18n';
import { errorText, networkWords } from './error-text';

describe('network failures in human words', () => {
  it.each([
    ['terminated', 'closed before the reply was complete'],
    ['read ECONNRESET', 'closed before the reply was complete'],
    ['other side closed', 'closed before the reply was complete'],
    ['connect ECONNREFUSED 127.0.0.1:9', 'refused the connection'],
    ['getaddrinfo ENOTFOUND modelslab.example', 'name could not be found'],
    ['The request timed out.', 'took too long'],
    ['unable to verify the first certificate', 'certificate was not accepted'],
  ])('"%s" reads as "%s"', (raw, words) => {
    const text = errorText(appError('network', raw));
    expect(text.detail).toContain(words);
    expect(text.detail).not.toContain(raw);
  });

  it('drops a message that says only that the fetch failed, leaving the title and hint', () => {
    expect(networkWords('fetch failed')).toBeNull();
    expect(errorText(appError('network', 'fetch failed'))).toMatchObject({
      title: 'Could not reach ModelsLab',
      hint: expect.stringContaining('internet connection'),
      detail: null,
    });
  });

  it('keeps what a server said, and an unknown network message as it came', () => {
    expect(errorText(appError('server_error', 'terminated', { status: 500 })).detail).toBe('terminated');
    expect(errorText(appError('network', 'Proxy said no')).detail).toBe('Proxy said no');
  });
});

describe('errors shown beside the key form', () => {
  it('never send the user to Settings, for any code', () => {
    for (const code of ERROR_CODES) {
      const text = errorText(appError(code, ''), 'settings');
      expect(`${text.title} ${text.hint ?? ''}`, code).not.toMatch(/in Settings/);
    }
    // In the chat the same error does point there.
    expect(errorText(appError('invalid_key', '')).hint).toContain('in Settings');
  });
});

describe('what main said, and where it came from', () => {
  it('shows a server’s or the network’s words as they came, and the app’s own English message in English', () => {
    expect(errorText(appError('api_error', 'Model is loading')).detail).toBe('Model is loading');
    expect(errorText(appError('forbidden', 'No access to this model', { status: 403 })).detail).toBe(
      'No access to this model',
    );
    const limit = errorText(appError('attachment_limit', 'A message can carry up to 4 images.'));
    expect(limit).toMatchObject({ title: 'Image limit reached', detail: 'A message can carry up to 4 images.' });
    expect(limit.detailLanguage).toBeNull();
  });

  it('a 404 from the server points at the model and address; the app’s own “not found” does not', () => {
    expect(errorText(appError('not_found', 'Not found', { status: 404 })).hint).toContain('model id');
    expect(errorText(appError('not_found', 'That conversation no longer exists.'))).toMatchObject({
      hint: null,
      detail: 'That conversation no longer exists.',
    });
  });
});

describe('in Japanese', () => {
  // Each test starts in English (testing/setup.ts), so each switches.
  beforeEach(async () => {
    await applyLanguage('ja');
  });
  afterAll(async () => {
    await applyLanguage('en');
  });

  it('titles, hints, status and the rate-limit wait are in Japanese, and a server’s English words are marked', () => {
    const text = errorText(appError('rate_limited', 'Too many requests', { status: 429, retryAfter: 20 }));
    expect(text.title).toBe('同時リクエストが多すぎます（429）');
    expect(text.hint).toContain('20 秒後');
    expect(text).toMatchObject({ detail: 'Too many requests', detailLanguage: 'en' });
  });

  it('the app’s own English message is not shown; a hint says its facts in Japanese instead', () => {
    const perMessage = errorText(appError('attachment_limit', 'A message can carry up to 4 images.'));
    expect(perMessage).toMatchObject({ title: '画像の上限に達しました', detail: null });
    expect(perMessage.hint).toContain('4 枚');
    const daily = errorText(appError('attachment_limit', 'Images added in the last 24 hours…', { retryAfter: 7200 }));
    expect(daily.hint).toContain('約 2 時間後');
    const large = errorText(appError('document_too_large', '“big.log” is 51 MB; files up to 50 MB can be attached.'));
    expect(large).toMatchObject({ detail: null, hint: expect.stringContaining('50 MB') });
    expect(errorText(appError('not_found', 'That conversation no longer exists.')).detail).toBeNull();
  });

  it('network words are translated, and an unknown one is shown as it came, marked English', () => {
    expect(errorText(appError('network', 'connect ECONNREFUSED 127.0.0.1:9'))).toMatchObject({
      detail: 'サーバーが接続を拒否しました。そのアドレスでは何も応答しませんでした。',
      detailLanguage: null,
    });
    expect(errorText(appError('network', 'Proxy said no'))).toMatchObject({
      detail: 'Proxy said no',
      detailLanguage: 'en',
    });
  });

  it('beside the key form, the hint still does not send the user to Settings', () => {
    expect(errorText(appError('invalid_key', ''), 'settings').hint).not.toContain('「設定」');
    expect(errorText(appError('invalid_key', '')).hint).toContain('「設定」');
  });
});
