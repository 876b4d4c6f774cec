import type { KeyStatus } from '../../../../shared/contract';
import type { Conversation } from '../../../../shared/domain';
import { Icon } from '../../ui/Icon';

export interface SidebarProps {
  conversations: Conversation[];
  activeId: string | null;
  keyStatus: KeyStatus | null;
  onNew(): void;
  onOpen(id: string): void;
  onOpenSettings(): void;
}

function keyLabel(status: KeyStatus | null): string {
  if (!status) return 'Checking API key…';
  if (!status.configured) return 'No API key';
  const from =
    status.source === 'env' ? 'from environment' : status.source === 'session' ? 'this session' : 'in keychain';
  return `API key ${from} · ••••${status.hint}`;
}

export function Sidebar({ conversations, activeId, keyStatus, onNew, onOpen, onOpenSettings }: SidebarProps) {
  return (
    <nav className="sidebar" aria-label="Conversations">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          M
        </span>
        ModelsLab Chat
      </div>
      <button type="button" className="sidebar__new" onClick={onNew}>
        <Icon name="plus" /> New chat
      </button>
      <ul className="sidebar__list">
        {conversations.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={c.id === activeId ? 'page' : undefined}
              onClick={() => onOpen(c.id)}
            >
              <Icon name="chat" />
              <span className="sidebar__title">{c.title || 'New chat'}</span>
            </button>
          </li>
        ))}
        {conversations.length === 0 && <li className="sidebar__empty">Your chats will appear here.</li>}
      </ul>
      <button
        type="button"
        className={`sidebar__key${keyStatus && !keyStatus.configured ? ' sidebar__key--missing' : ''}`}
        onClick={onOpenSettings}
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
