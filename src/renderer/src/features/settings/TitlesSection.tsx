import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import './settings.css';

/** Settings → Models & defaults: model-made titles, and the model that makes them. */
export function TitlesSection() {
  const { t } = useTranslation('settings');
  const id = useId();
  const settings = useStore((s) => s.settings);
  const setChatOptions = useStore((s) => s.setChatOptions);
  const [titleModel, setTitleModel] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const autoTitle = settings?.autoTitle ?? true;

  async function saveTitleModel() {
    if (titleModel === null) return;
    // Main checks the id; a refused one stays in the box to be corrected.
    const ok = await setChatOptions({ titleModel: titleModel.trim() || null });
    setRefused(!ok);
    if (ok) setTitleModel(null);
  }

  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('titles.title')}</h3>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={autoTitle}
          onChange={(e) => void setChatOptions({ autoTitle: e.target.checked })}
        />
        {t('titles.auto')}
      </label>
      <label className="field">
        <span>{t('titles.model')}</span>
        <input
          className="key-form__input"
          style={{ width: '100%' }}
          value={titleModel ?? settings?.titleModel ?? ''}
          disabled={!autoTitle}
          placeholder={t('titles.placeholder')}
          spellCheck={false}
          aria-invalid={refused || undefined}
          aria-describedby={`${id}-help`}
          onChange={(e) => setTitleModel(e.target.value)}
          onBlur={() => void saveTitleModel()}
        />
      </label>
      <p id={`${id}-help`} className={refused ? 'param__error' : 'muted'}>
        {refused ? t('titles.refused') : t('titles.help')}
      </p>
    </section>
  );
}
