import { describe, expect, it } from 'vitest';
import { appError, ERROR_CODES } from '../../../../shared/errors';
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
