import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import './theme.css';
import { App } from './App';
import { applyLanguage, i18n } from './i18n';
import { useStore } from './store';

const root = document.getElementById('root')!;
// The app renders at once, so it hears main's events from the start; it shows once it speaks the user's language
// (English if the settings cannot be read), so no English frame flashes. Not `hidden`: focus must still land.
root.style.opacity = '0';
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);

void useStore
  .getState()
  .loadSettings()
  .catch(() => undefined)
  .then(() => applyLanguage(useStore.getState().language))
  .catch(() => undefined)
  .finally(() => root.style.removeProperty('opacity'));
