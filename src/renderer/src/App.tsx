import { useEffect, useState } from 'react';
import { ErrorNotice } from './features/chat/ErrorNotice';
import { Composer } from './features/chat/Composer';
import { MessageListContainer } from './features/chat/MessageListContainer';
import { ParamsPanel } from './features/settings/ParamsPanel';
import { HistoryBanner } from './features/history/HistoryBanner';
import { OFFLINE, useHistoryShell } from './features/history/useHistoryShell';
import { SearchContainer } from './features/search/SearchContainer';
import { SidebarContainer } from './features/sidebar/SidebarContainer';
import { selectStreamingId, startEvents, useStore } from './store';
import { Icon } from './ui/Icon';

const NO_KEY =
  'No ModelsLab API key is set. Start the app with MODELSLAB_API_KEY in the environment to chat; saved chats stay readable.';

export function App() {
  const keyStatus = useStore((s) => s.keyStatus);
  const model = useStore((s) => s.draft.model);
  const sendError = useStore((s) => s.sendError);
  const streaming = useStore((s) => selectStreamingId(s) !== null);
  const title = useStore((s) => s.conversations.find((c) => c.id === s.activeId)?.title ?? 'New chat');
  const online = useStore((s) => s.online);
  const { send, stop, setDraft, dismissSendError } = useStore.getState();
  useHistoryShell();
  const [paramsOpen, setParamsOpen] = useState(false);

  useEffect(() => {
    const stopEvents = startEvents();
    const { refreshKeyStatus, loadInfo, loadConversations } = useStore.getState();
    void refreshKeyStatus();
    void loadInfo();
    void loadConversations();
    return stopEvents;
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && selectStreamingId(useStore.getState())) {
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
      <main className="chat">
        <HistoryBanner />
        <header className="chat__header">
          <h1 className="chat__title">{title}</h1>
          <label className="model-field">
            <span>Model</span>
            <input
              value={model}
              spellCheck={false}
              onChange={(e) => setDraft({ model: e.target.value })}
              aria-describedby="model-help"
            />
          </label>
          <span id="model-help" hidden>
            Any ModelsLab model id, for example meta-llama/Llama-3.1-70B-Instruct
          </span>
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
        <MessageListContainer />
        <div className="chat__footer">
          {sendError && <ErrorNotice error={sendError} onDismiss={dismissSendError} />}
          <Composer
            streaming={streaming}
            blockedReason={keyStatus && !keyStatus.configured ? NO_KEY : online ? null : OFFLINE}
            onSend={send}
            onStop={() => void stop()}
          />
        </div>
      </main>
      {paramsOpen && <ParamsPanel onClose={() => setParamsOpen(false)} />}
      <SearchContainer />
    </div>
  );
}
