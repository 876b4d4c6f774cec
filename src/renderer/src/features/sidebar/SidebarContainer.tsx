import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useStore } from '../../store';
import type { AppError } from '../../../../shared/errors';
import { errorText } from '../chat/error-text';
import { historyNoticeText } from '../history/history-notice';
import { Sidebar } from './Sidebar';

function toastText(error: AppError, t: TFunction<['sidebar', 'common']>): string {
  const { title, hint, detail } = errorText(error);
  return t('errorToast', { title, detail: detail ?? hint ?? '' }).trim();
}

/** Connects the sidebar to the store. */
export function SidebarContainer() {
  const { t } = useTranslation(['sidebar', 'common']);
  const conversations = useStore((s) => s.conversations);
  const total = useStore((s) => s.conversationTotal);
  const activeId = useStore((s) => s.activeId);
  const keyStatus = useStore((s) => s.keyStatus);
  const folders = useStore((s) => s.folders);
  const folderFilter = useStore((s) => s.folderFilter);
  const toast = useStore((s) => s.toast);
  const theme = useStore((s) => s.settings?.theme ?? 'system');
  const a = useStore.getState();
  return (
    <Sidebar
      conversations={conversations}
      total={total}
      activeId={activeId}
      keyStatus={keyStatus}
      folders={folders}
      folderFilter={folderFilter}
      toast={
        toast &&
        ('error' in toast
          ? { text: toastText(toast.error, t) }
          : 'notice' in toast
            ? { text: historyNoticeText(toast.notice) }
            : toast)
      }
      onNew={a.newChat}
      onSearch={a.openSearch}
      onAssistants={() => a.setAssistantsOpen(true)}
      onLoadMore={a.loadMoreConversations}
      onFolderFilter={(f) => void a.setFolderFilter(f)}
      onOpen={(id) => void a.openConversation(id)}
      onOpenSettings={() => a.setSettingsOpen(true)}
      onRename={(id, title) => void a.renameConversation(id, title)}
      onTogglePin={(id) => void a.togglePin(id)}
      onMove={(id, folder) => void a.moveToFolder(id, folder)}
      onDelete={(id) => void a.deleteConversation(id)}
      onExport={(id, format) => void a.exportConversation(id, format)}
      onUndo={(id) => void a.undoDelete(id)}
      onBackup={() => void a.exportAll()}
      onImport={() => void a.importHistory()}
      theme={theme}
      onTheme={(t) => void a.setTheme(t)}
    />
  );
}
