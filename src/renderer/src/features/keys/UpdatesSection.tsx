import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

export function UpdatesSection() {
  const { t } = useTranslation('keys');
  const id = useId();
  const on = useStore((s) => s.settings?.autoUpdate ?? true);
  const setAutoUpdate = useStore((s) => s.setAutoUpdate);
  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('updates.title')}</h3>
      <label className="checkbox">
        <input type="checkbox" checked={on} onChange={(e) => void setAutoUpdate(e.target.checked)} />
        {t('updates.auto')}
      </label>
    </section>
  );
}
