import { useEffect, useState } from 'react';
import { ErrorNotice } from './features/chat/ErrorNotice';
import { Composer } from './features/chat/Composer';
import { MessageListContainer } from './features/chat/MessageListContainer';
import { ParamsPanel } from './features/settings/ParamsPanel';
import { Sidebar } from './features/sidebar/Sidebar';
import { UpdateBannerContainer } from './features/update/UpdateBannerContainer';
import { selectStreamingId, startDesktopEvents, startEvents, useStore } from './store';
import { Icon } from './ui/Icon';

const NO_KEY =
  'No ModelsLab API key is set. Start the app with MODELSLAB_API_KEY in the environment to chat; saved chats stay readable.';

export function App() {
  const conversations = useStore((s) => s.conversations);
  const activeId = useStore((s) => s.activeId);
  const keyStatus = useStore((s) => s.keyStatus);
  const model = useStore((s) => s.draft.model);
  const sendError = useStore((s) => s.sendError);
  const streaming = useStore((s) => selectStreamingId(s) !== null);
  const title = useStore((s) => s.conversations.find((c) => c.id === s.activeId)?.title ?? 'New chat');
  const { newChat, openConversation, send, stop, setDraft, dismissSendError } = useStore.getState();
  const [paramsOpen, setParamsOpen] = useState(false);

  useEffect(() => {
    const stopEvents = startEvents();
    const { refreshKeyStatus, loadInfo, loadConversations } = useStore.getState();
    void refreshKeyStatus();
    void loadInfo();
    void loadConversations();
    return stopEvents;
  }, []);

  // Menu commands; search and the shortcuts sheet answer theirs once those features exist.
  useEffect(
    () =>
      startDesktopEvents((command) => {
        if (command === 'new-chat') useStore.getState().newChat();
        else if (command === 'copy-last-reply') void useStore.getState().copyLastReply();
        else if (command === 'settings') setParamsOpen(true);
      }),
    [],
  );

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
      <Sidebar
        conversations={conversations}
        activeId={activeId}
        keyStatus={keyStatus}
        onNew={newChat}
        onOpen={(id) => void openConversation(id)}
      />
      <main className="chat">
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
            blockedReason={keyStatus && !keyStatus.configured ? NO_KEY : null}
            onSend={send}
            onStop={() => void stop()}
          />
        </div>
      </main>
      {paramsOpen && <ParamsPanel onClose={() => setParamsOpen(false)} />}
      <UpdateBannerContainer />
    </div>
  );
}
