import { useTranslation } from 'react-i18next';
import { PARAM_KEYS } from '../../../../shared/domain';
import { useStore } from '../../store';
import { Icon } from '../../ui/Icon';
import { ContextFields } from '../context/ContextFields';
import { ParamField } from './ParamField';
import { SaveAsAssistant } from '../assistants/SaveAsAssistant';
import './settings.css';

export function ParamsPanel({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('settings');
  const params = useStore((s) => s.draft.params);
  const systemPrompt = useStore((s) => s.draft.systemPrompt);
  const setParam = useStore((s) => s.setParam);
  const setDraft = useStore((s) => s.setDraft);
  const context = useStore((s) => s.draft.context);
  const view = useStore((s) => (s.contextFor === s.activeId ? s.contextView : null));
  const setContextSettings = useStore((s) => s.setContextSettings);

  return (
    <aside className="params-panel" aria-label={t('params.title')}>
      <div className="params-panel__head">
        <h2>{t('params.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('params.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <label className="field">
        <span>{t('params.systemPrompt')}</span>
        <textarea
          rows={4}
          value={systemPrompt}
          placeholder={t('params.systemPromptPlaceholder')}
          onChange={(e) => setDraft({ systemPrompt: e.target.value })}
        />
      </label>
      {PARAM_KEYS.map((key) => (
        <ParamField key={key} name={key} value={params[key]} onChange={(value) => setParam(key, value)} />
      ))}
      <ContextFields value={context} view={view} onChange={setContextSettings} />
      <SaveAsAssistant />
    </aside>
  );
}
