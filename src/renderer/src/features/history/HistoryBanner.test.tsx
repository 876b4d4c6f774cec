import { afterEach, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { applyLanguage } from '../../i18n';
import { useStore } from '../../store';
import { fakeApi } from '../../testing/fake-api';
import { act, render } from '../../testing/render';
import { HistoryBanner } from './HistoryBanner';

// Inside act: a component may still be mounted when the words switch back.
afterEach(() => act(() => applyLanguage('en')));

it('says where an unreadable settings file was kept, in the language shown, until dismissed', async () => {
  const kept = '/home/me/.config/ModelsLab Chat/config.json.unreadable-1';
  fakeApi.answer('settings', 'get', async () => ({ values: DEFAULT_SETTINGS, language: 'en', notice: { kept } }));
  await useStore.getState().loadSettings();
  const view = render(<HistoryBanner />);
  expect(view.textContent).toBe(
    `Your settings file could not be read, so the defaults are in use. The old file was kept as ${kept}.`,
  );
  await act(() => applyLanguage('es'));
  expect(view.textContent).toContain(`No se pudo leer tu archivo de ajustes`);
  expect(view.textContent).toContain(kept);
  act(() => view.querySelector<HTMLButtonElement>('button')!.click());
  expect(view.textContent).toBe('');
});

it('shows a kept path with markup in its name as text, inside its code element', async () => {
  const keptAt = '/home/<code>x</code>/<0>y</0>/<strong>z & w</strong>.db';
  fakeApi.answer('history', 'status', async () => ({ problem: null, keptAt }));
  await useStore.getState().checkHistory();
  const view = render(<HistoryBanner />);
  expect(view.querySelectorAll('code, strong')).toHaveLength(1);
  expect(view.querySelector('code')?.textContent).toBe(keptAt);
});
