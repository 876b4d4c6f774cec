import { APP_SHORTCUTS } from '../../../../shared/shortcuts';
import { useStore } from '../../store';
import { Modal } from '../../ui/Modal';
import { keysOf } from './accelerator';
import './shortcuts.css';

const IN_CHAT = [
  { label: 'Send', keys: ['Enter'] },
  { label: 'New line', keys: ['Shift', 'Enter'] },
  { label: 'Stop the reply', keys: ['Esc'] },
  { label: 'Edit your last message (empty composer)', keys: ['↑'] },
];

export function ShortcutsDialog() {
  const open = useStore((s) => s.shortcutsOpen);
  const setOpen = useStore((s) => s.setShortcutsOpen);
  const rows = [
    ...APP_SHORTCUTS.map((s) => ({ label: s.label.replace('…', ''), keys: keysOf(s.accelerator) })),
    ...IN_CHAT,
  ];
  return (
    <Modal open={open} title="Keyboard shortcuts" onClose={() => setOpen(false)}>
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
