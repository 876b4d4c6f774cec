import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import './theme.css';
import { App } from './App';
import { applyLanguage, i18n } from './i18n';
import { useStore } from './store';

// The first paint is already in the user's language (English if the settings cannot be read).
async function start(): Promise<void> {
  await useStore
    .getState()
    .loadSettings()
    .catch(() => undefined);
  await applyLanguage(useStore.getState().language).catch(() => applyLanguage('en'));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
