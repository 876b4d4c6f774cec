import { describe, expect, it } from 'vitest';
import { safeUrl } from './safe-url';

describe('safeUrl', () => {
  it('keeps http(s) and mailto links', () => {
    expect(safeUrl('https://modelslab.com/docs?a=1#x')).toBe('https://modelslab.com/docs?a=1#x');
    expect(safeUrl('http://example.com')).toBe('http://example.com/');
    expect(safeUrl('mailto:someone@example.com')).toBe('mailto:someone@example.com');
  });

  it('refuses every other scheme, however it is spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/index.html',
      '#top',
      '//evil.example/x',
      '',
    ]) {
      expect(safeUrl(url), url).toBeNull();
    }
  });
});
