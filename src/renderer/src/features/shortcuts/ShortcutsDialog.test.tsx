import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../../i18n';
import { useStore } from '../../store';
import { render } from '../../testing/render';
import { ShortcutsDialog } from './ShortcutsDialog';

const names = (view: HTMLElement) => [...view.querySelectorAll('th')].map((th) => th.textContent);

describe('ShortcutsDialog', () => {
  // The page's language and direction too, not only i18next's, go back to English for the next test.
  afterEach(() => applyLanguage('en'));

  it('names each shortcut as the menu does, without the menu’s “…”', () => {
    act(() => useStore.getState().setShortcutsOpen(true));
    const view = render(<ShortcutsDialog />);
    expect(view.querySelector('dialog')?.getAttribute('aria-label')).toBe('Keyboard shortcuts');
    expect(names(view)).toEqual([
      'New Chat',
      'Search Chats',
      'Settings',
      'Copy Last Reply',
      'Keyboard Shortcuts',
      'Show or Hide Chats',
      'Send',
      'New line',
      'Stop the reply',
      'Edit your last message (empty composer)',
    ]);
  });

  it('speaks the chosen language, Arabic included', async () => {
    await act(() => applyLanguage('ar'));
    act(() => useStore.getState().setShortcutsOpen(true));
    const view = render(<ShortcutsDialog />);
    expect(view.querySelector('dialog')?.getAttribute('aria-label')).toBe('اختصارات لوحة المفاتيح');
    expect(names(view)[1]).toBe('البحث في المحادثات');
    expect(names(view).every((name) => /\p{Script=Arabic}/u.test(name!))).toBe(true);
  });
});
