import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachFiles } from './features/chat/attach-files';
import { ErrorNotice } from './features/chat/ErrorNotice';
import { ComposerContainer } from './features/chat/ComposerContainer';
import { MessageListContainer } from './features/chat/MessageListContainer';
import { ModelPickerContainer } from './features/picker/ModelPickerContainer';
import { Drawer } from './features/layout/Drawer';
import { AssistantsDialog } from './features/assistants/AssistantsDialog';
import { NARROW, useMediaQuery } from './features/layout/useMediaQuery';
import { SettingsDialog } from './features/keys/SettingsDialog';
import { Welcome } from './features/keys/Welcome';
import { ParamsPanel } from './features/settings/ParamsPanel';
import { UpdateBannerContainer } from './features/update/UpdateBannerContainer';
import { HistoryBanner } from './features/history/HistoryBanner';
import { ImportReportDialog } from './features/history/ImportReportDialog';
import { RecoveryNoticeContainer } from './features/recovery/RecoveryNoticeContainer';
import { useHistoryShell } from './features/history/useHistoryShell';
import { SearchContainer } from './features/search/SearchContainer';
import { SidebarContainer } from './features/sidebar/SidebarContainer';
import { CompareBarContainer } from './features/compare/CompareBarContainer';
import { useCompareSync } from './features/compare/useCompareSync';
import { selectStreamingId, startDesktopEvents, startEvents, useStore } from './store';
import { selectCompareStreaming, selectWaitingRun } from './store/compare-slice';
import { Icon } from './ui/Icon';
import { APP_SHORTCUTS } from '../../shared/shortcuts';
import { ShortcutsDialog } from './features/shortcuts/ShortcutsDialog';
import { matches } from './features/shortcuts/accelerator';
import { applyLanguage } from './i18n';
import './app.css';

/** Esc and the composer's Stop: every column of a running comparison, else the streaming reply. */
function stopAll(): void {
  const state = useStore.getState();
  void (selectCompareStreaming(state) ? state.stopCompare() : state.stop());
}

export function App() {
  const { t } = useTranslation(['app', 'common', 'history']);
  const keyStatus = useStore((s) => s.keyStatus);
  const sendError = useStore((s) => s.sendError);
  // Shown in the Settings dialog while it is open (a theme change from the sidebar can fail too).
  const settingsError = useStore((s) => (s.settingsOpen ? null : s.settingsError));
  const theme = useStore((s) => s.settings?.theme);
  const language = useStore((s) => s.language);
  const streaming = useStore((s) => selectStreamingId(s) !== null || selectCompareStreaming(s));
  const waiting = useStore((s) => selectWaitingRun(s) !== null);
  const compareOn = useStore((s) => s.compareOn);
  const compareError = useStore((s) => s.compareError);
  const title = useStore((s) => s.conversations.find((c) => c.id === s.activeId)?.title);
  const online = useStore((s) => s.online);
  const activeId = useStore((s) => s.activeId);
  const { send, startCompare, dismissSendError, dismissSettingsError, dismissCompareError } = useStore.getState();
  const welcome = keyStatus !== null && !keyStatus.configured && activeId === null;
  useHistoryShell();
  useCompareSync();
  const [paramsOpen, setParamsOpen] = useState(false);
  const narrow = useMediaQuery(NARROW);
  const sidebarCollapsed = useStore((s) => s.sidebarCollapsed);

  useEffect(() => {
    const stopEvents = startEvents();
    const { refreshKeyStatus, loadInfo, loadConversations, recover, loadPickerLists, loadAssistants } =
      useStore.getState();
    void loadPickerLists();
    void loadAssistants();
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

  useEffect(() => {
    void applyLanguage(language);
  }, [language]);

  useEffect(() => startDesktopEvents((command) => useStore.getState().runCommand(command)), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = APP_SHORTCUTS.find((s) => matches(event, s.accelerator));
      if (shortcut) {
        event.preventDefault();
        useStore.getState().runCommand(shortcut.command);
      } else if (
        event.key === 'Escape' &&
        (selectStreamingId(useStore.getState()) || selectCompareStreaming(useStore.getState()))
      ) {
        event.preventDefault();
        stopAll();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      className={`app${paramsOpen && !narrow ? ' app--with-panel' : ''}${sidebarCollapsed ? ' app--no-sidebar' : ''}`}
    >
      {!sidebarCollapsed && <SidebarContainer />}
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
          <button
            type="button"
            className="icon-button"
            aria-label={t('chatList')}
            aria-expanded={!sidebarCollapsed}
            aria-keyshortcuts="Control+B Meta+B"
            title={t('chatListTitle')}
            onClick={() => void useStore.getState().toggleSidebar()}
          >
            <Icon name="sidebar" />
          </button>
          <h1 className="chat__title">{title ?? t('common:newChat')}</h1>
          <ModelPickerContainer />
          <button
            type="button"
            className="icon-button"
            aria-label={t('parameters')}
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
          {compareError && <ErrorNotice error={compareError} onDismiss={dismissCompareError} />}
          <CompareBarContainer />
          <ComposerContainer
            streaming={streaming}
            blockedReason={
              keyStatus && !keyStatus.configured
                ? t('noKey')
                : !online
                  ? t('history:offline')
                  : waiting && !streaming
                    ? t('chooseAnswer')
                    : null
            }
            onSend={compareOn ? startCompare : send}
            onStop={stopAll}
          />
        </div>
      </main>
      {paramsOpen && (
        <Drawer label={t('parameters')} overlay={narrow} onClose={() => setParamsOpen(false)}>
          <ParamsPanel onClose={() => setParamsOpen(false)} />
        </Drawer>
      )}
      <SettingsDialog />
      <AssistantsDialog />
      <ShortcutsDialog />
      <ImportReportDialog />
      <UpdateBannerContainer />
      <SearchContainer />
    </div>
  );
}
