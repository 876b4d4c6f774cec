import { useId } from 'react';
import { useStore } from '../../store';

/** Settings → Data: every chat out to one backup file, and chats in from a backup or a ChatGPT export. */
export function DataSection() {
  const id = useId();
  const { exportAll, importHistory } = useStore.getState();
  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Your chats</h3>
      <p className="muted">
        Chats are stored on this computer only. A backup holds every chat with its images, and can be imported here or
        on another computer. ChatGPT exports (conversations.json) can be imported too.
      </p>
      <div className="settings__buttons">
        <button type="button" className="button" onClick={() => void exportAll()}>
          Back up all chats…
        </button>
        <button type="button" className="button" onClick={() => void importHistory()}>
          Import chats…
        </button>
      </div>
    </section>
  );
}
