import { useId } from 'react';
import { useStore } from '../../store';

export function UpdatesSection() {
  const id = useId();
  const on = useStore((s) => s.settings?.autoUpdate ?? true);
  const setAutoUpdate = useStore((s) => s.setAutoUpdate);
  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Updates</h3>
      <label className="checkbox">
        <input type="checkbox" checked={on} onChange={(e) => void setAutoUpdate(e.target.checked)} />
        Check for updates in the background (from the next start)
      </label>
    </section>
  );
}
