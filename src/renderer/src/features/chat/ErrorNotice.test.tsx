import { afterEach, describe, expect, it } from 'vitest';
import { appError } from '../../../../shared/errors';
import { applyLanguage } from '../../i18n';
import { act, render } from '../../testing/render';
import { ErrorNotice } from './ErrorNotice';

const serverSaid = appError('server_error', 'Upstream overloaded', { status: 503 });

describe('ErrorNotice', () => {
  afterEach(async () => {
    await act(() => applyLanguage('en'));
  });

  it('in English, shows the server’s words without marking their language', () => {
    const view = render(<ErrorNotice error={serverSaid} />);
    expect(view.querySelector('.error-notice__title')!.textContent).toBe('ModelsLab had a server error (503)');
    const detail = view.querySelector('.error-notice__detail')!;
    expect(detail.textContent).toBe('Upstream overloaded');
    expect(detail.hasAttribute('lang')).toBe(false);
  });

  it('follows a change of language at once, and marks the server’s English words lang="en"', async () => {
    const view = render(<ErrorNotice error={serverSaid} onDismiss={() => undefined} />);
    await act(() => applyLanguage('ar'));
    expect(view.querySelector('.error-notice__title')!.textContent).toBe('حدث خطأ في خادم ModelsLab (503)');
    expect(view.querySelector('.error-notice__detail')!.getAttribute('lang')).toBe('en');
    expect(view.querySelector('button')!.getAttribute('aria-label')).not.toBe('Dismiss');
  });
});
