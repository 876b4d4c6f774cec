import { useTranslation } from 'react-i18next';
import { APP_SHORTCUTS } from '../../../../shared/shortcuts';
import { useStore } from '../../store';
import { Modal } from '../../ui/Modal';
import { keysOf } from './accelerator';
import './shortcuts.css';

const IN_CHAT = [
  { label: 'send', keys: ['Enter'] },
  { label: 'newLine', keys: ['Shift', 'Enter'] },
  { label: 'stop', keys: ['Esc'] },
  { label: 'editLast', keys: ['↑'] },
] as const;

export function ShortcutsDialog() {
  const { t } = useTranslation('shortcuts');
  const open = useStore((s) => s.shortcutsOpen);
  const setOpen = useStore((s) => s.setShortcutsOpen);
  // The menu's names, without the "…" that says a menu item opens a window.
  const rows = [
    ...APP_SHORTCUTS.map((s) => ({ label: t(s.label).replace('…', ''), keys: keysOf(s.accelerator) })),
    ...IN_CHAT.map((row) => ({ label: t(row.label), keys: row.keys })),
  ];
  return (
    <Modal open={open} title={t('title')} onClose={() => setOpen(false)}>
      <table className="shortcuts">
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>
                {row.keys.map((k, i) => (
                  <kbd key={i}>{k}</kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
