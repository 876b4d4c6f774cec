import type { Language } from '../../shared/languages';
import type { SettingsStore } from './settings-store';

/**
 * The settings store, telling `listener` after an update that changed the language main speaks, so what main
 * shows by itself (the application menu) follows at once. Windows learn it from the update's answer.
 */
export function onLanguageChange(store: SettingsStore, listener: (language: Language) => void): SettingsStore {
  return {
    get: () => store.get(),
    update: (patch) => {
      const before = store.get().language;
      const view = store.update(patch);
      if (view.language !== before) listener(view.language);
      return view;
    },
  };
}
