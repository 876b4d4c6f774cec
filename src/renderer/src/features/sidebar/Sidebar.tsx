import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { KeyStatus } from '../../../../shared/contract';
import type { Conversation } from '../../../../shared/domain';
import type { Theme } from '../../../../shared/settings';
import { Icon } from '../../ui/Icon';
import { ConversationRow, type RowActions } from './ConversationRow';
import { groupLabel, monthFormat, withDateGroups } from './date-groups';
import './sidebar.css';

export interface SidebarProps extends RowActions {
  conversations: Conversation[];
  /** How many there are in all; the rest load as the list scrolls. */
  total: number;
  activeId: string | null;
  keyStatus: KeyStatus | null;
  folders: string[];
  folderFilter: string | null | undefined;
  toast: { text: string; undoId?: string } | null;
  onNew(): void;
  onOpen(id: string): void;
  onOpenSettings(): void;
  onSearch(): void;
  /** Opens the list of assistants. */
  onAssistants(): void;
  onLoadMore(): void;
  onFolderFilter(folder: string | null | undefined): void;
  onUndo(id: string): void;
  onBackup(): void;
  onImport(): void;
  theme: Theme;
  onTheme(theme: Theme): void;
}

const ROW_PX = 38;
const HEADING_PX = 30;
const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function keyLabel(status: KeyStatus | null, t: TFunction<['sidebar', 'common']>): string {
  if (!status) return t('key.checking');
  if (!status.configured) return status.origin ? t('key.otherServer') : t('key.none');
  const from = status.source === 'env' ? 'env' : status.source === 'session' ? 'session' : 'keychain';
  return t(`key.${from}`, { hint: status.hint });
}

const ALL = '\u0000all';
const NONE = '\u0000none';

export function Sidebar(props: SidebarProps) {
  const { conversations, total, activeId, keyStatus, folders, folderFilter, toast } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const { t, i18n } = useTranslation(['sidebar', 'common']);
  // Month headings in the UI language; one formatter per language, since making one is the slow part.
  const months = useMemo(() => monthFormat(i18n.language), [i18n.language]);
  // Date headings among the loaded chats; "now" is read when the list changes, which is when a heading can move.
  const lines = useMemo(() => withDateGroups(conversations, Date.now()), [conversations]);
  // Sized for every conversation, so the scrollbar is honest; rows past the loaded ones load on the way.
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us
  const virtualizer = useVirtualizer({
    count: lines.length + Math.max(0, total - conversations.length),
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (lines[i]?.kind === 'heading' ? HEADING_PX : ROW_PX),
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { onLoadMore } = props;
  useEffect(() => {
    if (lastIndex >= lines.length - 20 && conversations.length < total) onLoadMore();
  }, [lastIndex, lines.length, conversations.length, total, onLoadMore]);

  return (
    <nav className="sidebar" aria-label={t('nav')}>
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          M
        </span>
        {t('brand')}
      </div>
      <div className="sidebar__actions">
        <button
          type="button"
          className="sidebar__new"
          onClick={props.onNew}
          title={t('newChatShortcut', { shortcut: `${MOD}N` })}
        >
          <Icon name="plus" /> {t('common:newChat')}
        </button>
        <button
          type="button"
          className="sidebar__search icon-button"
          aria-label={t('searchChats')}
          title={t('searchShortcut', { shortcut: `${MOD}K` })}
          onClick={props.onSearch}
        >
          <Icon name="search" />
        </button>
      </div>
      <button type="button" className="sidebar__item sidebar__assistants" onClick={props.onAssistants}>
        <Icon name="star" />
        <span className="sidebar__title">{t('assistants')}</span>
      </button>
      {(folders.length > 0 || folderFilter !== undefined) && (
        <label className="sidebar__folder">
          <span className="visually-hidden">{t('folder')}</span>
          <select
            value={folderFilter === undefined ? ALL : folderFilter === null ? NONE : folderFilter}
            onChange={(e) => {
              const v = e.target.value;
              props.onFolderFilter(v === ALL ? undefined : v === NONE ? null : v);
            }}
          >
            <option value={ALL}>{t('allChats')}</option>
            <option value={NONE}>{t('notInFolder')}</option>
            {folders.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      )}
      <datalist id="folder-names">
        {folders.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <div className="sidebar__list" ref={scroller}>
        {total === 0 ? (
          <p className="sidebar__empty">{t('empty')}</p>
        ) : (
          <ul className="sidebar__rows" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const line = lines[item.index];
              return (
                <li
                  key={line?.kind === 'chat' ? line.conversation.id : line ? `h:${line.group}:${item.index}` : item.key}
                  className={`sidebar__row${line?.kind === 'heading' ? ' sidebar__row--heading' : ''}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {line?.kind === 'heading' ? (
                    <h2 className="sidebar__group">{groupLabel(line.group, t, months)}</h2>
                  ) : line ? (
                    <ConversationRow
                      conversation={line.conversation}
                      active={line.conversation.id === activeId}
                      onOpen={props.onOpen}
                      onRename={props.onRename}
                      onTogglePin={props.onTogglePin}
                      onMove={props.onMove}
                      onDelete={props.onDelete}
                      onExport={props.onExport}
                    />
                  ) : (
                    <div className="sidebar__placeholder" aria-hidden="true" />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {toast && (
        <div className="toast" role="status">
          <span className="toast__text">{toast.text}</span>
          {toast.undoId && (
            <button type="button" className="text-button" onClick={() => props.onUndo(toast.undoId!)}>
              {t('undo')}
            </button>
          )}
        </div>
      )}
      <div className="sidebar__tools">
        <button type="button" className="text-button" aria-label={t('backUpAll')} onClick={props.onBackup}>
          {t('backUp')}
        </button>
        <button type="button" className="text-button" onClick={props.onImport}>
          {t('import')}
        </button>
        <select
          className="sidebar__theme"
          aria-label={t('theme.label')}
          value={props.theme}
          onChange={(e) => props.onTheme(e.target.value as Theme)}
        >
          <option value="system">{t('theme.system')}</option>
          <option value="light">{t('theme.light')}</option>
          <option value="dark">{t('theme.dark')}</option>
        </select>
      </div>
      <button
        type="button"
        className={`sidebar__key${keyStatus && !keyStatus.configured ? ' sidebar__key--missing' : ''}`}
        onClick={props.onOpenSettings}
      >
        <Icon name="gear" />
        <span>
          <span className="sidebar__key-title">{t('common:settings')}</span>
          <span className="sidebar__key-status">{keyLabel(keyStatus, t)}</span>
        </span>
      </button>
    </nav>
  );
}
