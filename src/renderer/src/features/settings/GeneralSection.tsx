import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, type LanguageSetting } from '../../../../shared/languages';
import { THEMES, type Theme } from '../../../../shared/settings';
import { useStore } from '../../store';

/** Settings → General: how the app looks, the language it speaks, and what it does by itself after a rate limit. */
export function GeneralSection() {
  const { t } = useTranslation('settings');
  const id = useId();
  const theme = useStore((s) => s.settings?.theme ?? 'system');
  const languageSetting = useStore((s) => s.settings?.language ?? 'system');
  // Main decides what 'system' means (the operating system's language, or English when the app lacks it).
  const language = useStore((s) => s.language);
  const autoRetry = useStore((s) => s.settings?.autoRetry ?? false);
  const { setTheme, setLanguage, setChatOptions } = useStore.getState();
  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('general.title')}</h3>
      <label className="field">
        <span>{t('general.theme')}</span>
        <select value={theme} onChange={(e) => void setTheme(e.target.value as Theme)}>
          {THEMES.map((name) => (
            <option key={name} value={name}>
              {t(`general.themes.${name}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('general.language')}</span>
        <select value={languageSetting} onChange={(e) => void setLanguage(e.target.value as LanguageSetting)}>
          <option value="system">
            {languageSetting === 'system'
              ? t('general.languageSystemIs', { language: LANGUAGE_NAMES[language] })
              : t('general.languageSystem')}
          </option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={autoRetry}
          onChange={(e) => void setChatOptions({ autoRetry: e.target.checked })}
        />
        {t('general.autoRetry')}
      </label>
    </section>
  );
}
