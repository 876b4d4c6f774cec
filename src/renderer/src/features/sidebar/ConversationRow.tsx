import { memo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/domain';
import type { ExportFormat } from '../../../../shared/history';
import { Icon } from '../../ui/Icon';
import './sidebar.css';

export interface RowActions {
  onOpen(id: string): void;
  onRename(id: string, title: string): void;
  onTogglePin(id: string): void;
  onMove(id: string, folder: string | null): void;
  onDelete(id: string): void;
  onExport(id: string, format: ExportFormat): void;
}

interface Props extends RowActions {
  conversation: Conversation;
  active: boolean;
}

type Mode = 'idle' | 'menu' | 'rename' | 'move';

/** One conversation in the sidebar: open it, or rename, pin, move, export or delete it from its menu. */
export const ConversationRow = memo(function ConversationRow({ conversation: c, active, ...act }: Props) {
  const [mode, setMode] = useState<Mode>('idle');
  const [draft, setDraft] = useState('');
  const { t } = useTranslation(['sidebar', 'common']);
  const title = c.title || t('common:newChat');

  function finish(event: KeyboardEvent<HTMLInputElement>, commit: (value: string) => void) {
    if (event.key === 'Escape') setMode('idle');
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const value = draft.trim();
    if (value) commit(value);
    setMode('idle');
  }

  const edit = (next: Mode, value: string) => {
    setDraft(value);
    setMode(next);
  };
  const then = (run: () => void) => () => {
    run();
    setMode('idle');
  };
  type Item = [key: string, label: string, run: () => void];
  const menu: Item[] = [
    ['rename', t('row.rename'), () => edit('rename', c.title)],
    ['pin', c.pinned ? t('row.unpin') : t('row.pin'), then(() => act.onTogglePin(c.id))],
    ['move', t('row.move'), () => edit('move', c.folder ?? '')],
    ...(c.folder ? [['unfile', t('row.removeFromFolder'), then(() => act.onMove(c.id, null))] as Item] : []),
    ['markdown', t('row.exportMarkdown'), then(() => act.onExport(c.id, 'markdown'))],
    ['json', t('row.exportJson'), then(() => act.onExport(c.id, 'json'))],
    ['delete', t('common:delete'), then(() => act.onDelete(c.id))],
  ];

  if (mode === 'rename' || mode === 'move') {
    const rename = mode === 'rename';
    return (
      <div className="conv-row conv-row--editing">
        <input
          className="conv-row__input"
          aria-label={rename ? t('row.newTitle') : t('row.folderName')}
          autoFocus
          value={draft}
          list={rename ? undefined : 'folder-names'}
          placeholder={rename ? undefined : t('row.folderName')}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => finish(e, (v) => (rename ? act.onRename(c.id, v) : act.onMove(c.id, v)))}
          onBlur={() => setMode('idle')}
        />
      </div>
    );
  }

  return (
    <div
      className="conv-row"
      data-conversation-id={c.id}
      // The menu closes when focus leaves the row, e.g. a click elsewhere.
      onBlur={(e) => mode === 'menu' && !e.currentTarget.contains(e.relatedTarget) && setMode('idle')}
    >
      <button
        type="button"
        className="sidebar__item"
        aria-current={active ? 'page' : undefined}
        onClick={() => act.onOpen(c.id)}
        onDoubleClick={() => edit('rename', c.title)}
        // The whole title on hover: the row cuts long ones short.
        title={title}
      >
        <Icon name={c.pinned ? 'pin' : 'chat'} />
        <span className="sidebar__title">{title}</span>
      </button>
      <button
        type="button"
        className="conv-row__more"
        aria-label={t('row.actions')}
        title={t('row.actions')}
        aria-expanded={mode === 'menu'}
        onClick={() => setMode(mode === 'menu' ? 'idle' : 'menu')}
      >
        <Icon name="more" />
      </button>
      {mode === 'menu' && (
        <div className="conv-menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setMode('idle')}>
          {menu.map(([key, label, run], i) => (
            <button
              key={key}
              type="button"
              role="menuitem"
              autoFocus={i === 0}
              className={key === 'delete' ? 'conv-menu__item conv-menu__item--danger' : 'conv-menu__item'}
              onClick={run}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
});
