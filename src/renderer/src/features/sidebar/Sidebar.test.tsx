import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../../../shared/domain';
import { applyLanguage } from '../../i18n';
import { render } from '../../testing/render';
import { Sidebar, type SidebarProps } from './Sidebar';

const DAY = 24 * 3600 * 1000;

function chat(id: string, updatedAt: number, pinned = false): Conversation {
  return { id, title: `Chat ${id}`, updatedAt, pinned, folder: null } as unknown as Conversation;
}

function show(conversations: Conversation[]) {
  // happy-dom lays nothing out; the list's scroller is given a height so the virtualizer draws rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(260);
  const noop = vi.fn();
  const props: SidebarProps = {
    conversations,
    total: conversations.length,
    activeId: null,
    keyStatus: null,
    folders: [],
    folderFilter: undefined,
    toast: null,
    theme: 'system',
    onNew: noop,
    onOpen: noop,
    onOpenSettings: noop,
    onSearch: noop,
    onAssistants: noop,
    onLoadMore: noop,
    onFolderFilter: noop,
    onUndo: noop,
    onBackup: noop,
    onImport: noop,
    onTheme: noop,
    onRename: noop,
    onTogglePin: noop,
    onMove: noop,
    onDelete: noop,
    onExport: noop,
  };
  const view = render(<Sidebar {...props} />);
  return [...view.querySelectorAll('h2')].map((h) => h.textContent);
}

afterEach(async () => {
  vi.restoreAllMocks();
  await applyLanguage('en');
});

describe('sidebar headings', () => {
  const now = Date.now();
  const list = [chat('p', now - 400 * DAY, true), chat('a', now), chat('b', new Date(2025, 0, 15).getTime())];

  it('name the groups in English', () => {
    expect(show(list)).toEqual(['Pinned', 'Today', 'January 2025']);
  });

  it('name the groups and months in the UI language', async () => {
    await applyLanguage('ja');
    expect(show(list)).toEqual(['ピン留め', '今日', '2025年1月']);
    await applyLanguage('ar');
    expect(show(list)).toEqual([
      'المثبّتة',
      'اليوم',
      new Intl.DateTimeFormat('ar', { month: 'long', year: 'numeric' }).format(new Date(2025, 0, 15)),
    ]);
  });
});
