import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { KeyStatus } from '../../../../shared/contract';
import type { Conversation } from '../../../../shared/domain';
import type { Theme } from '../../../../shared/settings';
import { Icon } from '../../ui/Icon';
import { ConversationRow, type RowActions } from './ConversationRow';

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
  onLoadMore(): void;
  onFolderFilter(folder: string | null | undefined): void;
  onUndo(id: string): void;
  onBackup(): void;
  onImport(): void;
  theme: Theme;
  onTheme(theme: Theme): void;
}

const ROW_PX = 38;
const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function keyLabel(status: KeyStatus | null): string {
  if (!status) return 'Checking API key…';
  if (!status.configured) return status.origin ? 'API key is for another server' : 'No API key';
  const from =
    status.source === 'env' ? 'from environment' : status.source === 'session' ? 'this session' : 'in keychain';
  return `API key ${from} · ••••${status.hint}`;
}

const ALL = '\u0000all';
const NONE = '\u0000none';

export function Sidebar(props: SidebarProps) {
  const { conversations, total, activeId, keyStatus, folders, folderFilter, toast } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // Sized for every conversation, so the scrollbar is honest; rows past the loaded ones load on the way.
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { onLoadMore } = props;
  useEffect(() => {
    if (lastIndex >= conversations.length - 20 && conversations.length < total) onLoadMore();
  }, [lastIndex, conversations.length, total, onLoadMore]);

  return (
    <nav className="sidebar" aria-label="Conversations">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          M
        </span>
        ModelsLab Chat
      </div>
      <div className="sidebar__actions">
        <button type="button" className="sidebar__new" onClick={props.onNew} title={`New chat (${MOD}N)`}>
          <Icon name="plus" /> New chat
        </button>
        <button
          type="button"
          className="sidebar__search icon-button"
          aria-label="Search chats"
          title={`Search (${MOD}K)`}
          onClick={props.onSearch}
        >
          <Icon name="search" />
        </button>
      </div>
      {(folders.length > 0 || folderFilter !== undefined) && (
        <label className="sidebar__folder">
          <span className="visually-hidden">Folder</span>
          <select
            value={folderFilter === undefined ? ALL : folderFilter === null ? NONE : folderFilter}
            onChange={(e) => {
              const v = e.target.value;
              props.onFolderFilter(v === ALL ? undefined : v === NONE ? null : v);
            }}
          >
            <option value={ALL}>All chats</option>
            <option value={NONE}>Not in a folder</option>
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
          <p className="sidebar__empty">Your chats will appear here.</p>
        ) : (
          <ul className="sidebar__rows" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const c = conversations[item.index];
              return (
                <li
                  key={c?.id ?? item.key}
                  className="sidebar__row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {c ? (
                    <ConversationRow
                      conversation={c}
                      active={c.id === activeId}
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
              Undo
            </button>
          )}
        </div>
      )}
      <div className="sidebar__tools">
        <button type="button" className="text-button" aria-label="Back up all chats" onClick={props.onBackup}>
          Back up
        </button>
        <button type="button" className="text-button" onClick={props.onImport}>
          Import…
        </button>
        <select
          className="sidebar__theme"
          aria-label="Theme"
          value={props.theme}
          onChange={(e) => props.onTheme(e.target.value as Theme)}
        >
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </div>
      <button
        type="button"
        className={`sidebar__key${keyStatus && !keyStatus.configured ? ' sidebar__key--missing' : ''}`}
        onClick={props.onOpenSettings}
      >
        <Icon name="gear" />
        <span>
          <span className="sidebar__key-title">Settings</span>
          <span className="sidebar__key-status">{keyLabel(keyStatus)}</span>
        </span>
      </button>
    </nav>
  );
}
