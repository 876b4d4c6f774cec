import { useEffect, useState } from 'react';
import { attachFiles } from './features/chat/attach-files';
import { ErrorNotice } from './features/chat/ErrorNotice';
import { ComposerContainer } from './features/chat/ComposerContainer';
import { MessageListContainer } from './features/chat/MessageListContainer';
import { ModelField } from './features/chat/ModelField';
import { SettingsDialog } from './features/keys/SettingsDialog';
import { Welcome } from './features/keys/Welcome';
import { ParamsPanel } from './features/settings/ParamsPanel';
import { UpdateBannerContainer } from './features/update/UpdateBannerContainer';
import { HistoryBanner } from './features/history/HistoryBanner';
import { ImportReportDialog } from './features/history/ImportReportDialog';
import { RecoveryNoticeContainer } from './features/recovery/RecoveryNoticeContainer';
import { OFFLINE, useHistoryShell } from './features/history/useHistoryShell';
import { SearchContainer } from './features/search/SearchContainer';
import { SidebarContainer } from './features/sidebar/SidebarContainer';
import { selectStreamingId, startDesktopEvents, startEvents, useStore } from './store';
import { Icon } from './ui/Icon';
import { APP_SHORTCUTS } from '../../shared/shortcuts';
import { ShortcutsDialog } from './features/shortcuts/ShortcutsDialog';
import { matches } from './features/shortcuts/accelerator';

const NO_KEY = 'Add your ModelsLab API key in Settings (Ctrl/Cmd+,) to send messages. Saved chats stay readable.';

export function App() {
  const keyStatus = useStore((s) => s.keyStatus);
  const sendError = useStore((s) => s.sendError);
  // Shown in the Settings dialog while it is open (a theme change from the sidebar can fail too).
  const settingsError = useStore((s) => (s.settingsOpen ? null : s.settingsError));
  const theme = useStore((s) => s.settings?.theme);
  const streaming = useStore((s) => selectStreamingId(s) !== null);
  const title = useStore((s) => s.conversations.find((c) => c.id === s.activeId)?.title ?? 'New chat');
  const online = useStore((s) => s.online);
  const activeId = useStore((s) => s.activeId);
  const { send, stop, dismissSendError, dismissSettingsError } = useStore.getState();
  const welcome = keyStatus !== null && !keyStatus.configured && activeId === null;
  useHistoryShell();
  const [paramsOpen, setParamsOpen] = useState(false);

  useEffect(() => {
    const stopEvents = startEvents();
    const { refreshKeyStatus, loadInfo, loadConversations, recover } = useStore.getState();
    void refreshKeyStatus();
    void loadInfo();
    void loadConversations();
    void recover();
    return stopEvents;
  }, []);

  useEffect(() => {
    if (theme === undefined) return;
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => startDesktopEvents((command) => useStore.getState().runCommand(command)), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = APP_SHORTCUTS.find((s) => matches(event, s.accelerator));
      if (shortcut) {
        event.preventDefault();
        useStore.getState().runCommand(shortcut.command);
      } else if (event.key === 'Escape' && selectStreamingId(useStore.getState())) {
        event.preventDefault();
        void stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stop]);

  return (
    <div className={`app${paramsOpen ? ' app--with-panel' : ''}`}>
      <SidebarContainer />
      <main
        className="chat"
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault();
        }}
        onDrop={(e) => {
          e.preventDefault();
          if (!welcome) void attachFiles([...e.dataTransfer.files]);
        }}
      >
        <HistoryBanner />
        <RecoveryNoticeContainer />
        <header className="chat__header">
          <h1 className="chat__title">{title}</h1>
          <ModelField />
          <button
            type="button"
            className="icon-button"
            aria-label="Parameters"
            aria-expanded={paramsOpen}
            onClick={() => setParamsOpen((open) => !open)}
          >
            <Icon name="sliders" />
          </button>
        </header>
        {welcome ? <Welcome /> : <MessageListContainer />}
        <div className="chat__footer" hidden={welcome}>
          {sendError && <ErrorNotice error={sendError} onDismiss={dismissSendError} />}
          {settingsError && <ErrorNotice error={settingsError} onDismiss={dismissSettingsError} />}
          <ComposerContainer
            streaming={streaming}
            blockedReason={keyStatus && !keyStatus.configured ? NO_KEY : online ? null : OFFLINE}
            onSend={send}
            onStop={() => void stop()}
          />
        </div>
      </main>
      {paramsOpen && <ParamsPanel onClose={() => setParamsOpen(false)} />}
      <SettingsDialog />
      <ShortcutsDialog />
      <ImportReportDialog />
      <UpdateBannerContainer />
      <SearchContainer />
    </div>
  );
}
