import { useId } from 'react';
import { THEMES, type Theme } from '../../../../shared/settings';
import { useStore } from '../../store';

const THEME_NAMES: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

/** Settings → General: how the app looks, and what it does by itself after a rate limit. */
export function GeneralSection() {
  const id = useId();
  const theme = useStore((s) => s.settings?.theme ?? 'system');
  const autoRetry = useStore((s) => s.settings?.autoRetry ?? false);
  const { setTheme, setChatOptions } = useStore.getState();
  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Appearance and behaviour</h3>
      <label className="field">
        <span>Theme</span>
        <select value={theme} onChange={(e) => void setTheme(e.target.value as Theme)}>
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {THEME_NAMES[t]}
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
        After a rate limit, retry once by itself when the wait is over
      </label>
    </section>
  );
}
