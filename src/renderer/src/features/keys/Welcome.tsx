import { API_KEYS_URL } from '../../../../shared/domain';
import { useStore } from '../../store';
import { KeyForm } from './KeyForm';
import { KeyOriginNotice } from './KeyOriginNotice';
import './keys.css';

/** First run: what the key is for, where to get one, and the form; saving leads straight into a new chat. */
export function Welcome() {
  const openExternal = useStore((s) => s.openExternal);
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to ModelsLab Chat</h1>
      <p>
        Chat with ModelsLab’s language models from your desktop. The app needs your ModelsLab API key to send messages;
        usage is billed to that key. It is kept in your system’s keychain and only ever sent to the server you save it
        for: ModelsLab, unless you change that in Settings.
      </p>
      <button type="button" className="button" onClick={() => void openExternal(API_KEYS_URL)}>
        Get an API key on modelslab.com
      </button>
      <KeyOriginNotice />
      <KeyForm onSaved={() => document.querySelector<HTMLTextAreaElement>('.composer__input')?.focus()} />
    </section>
  );
}
