import { useTranslation } from 'react-i18next';
import type { ImportNote } from '../../../../shared/history';
import { useStore } from '../../store';
import { importSummary } from '../../store/history-slice';
import { Modal } from '../../ui/Modal';
import { historyNoticeText } from './history-notice';
import './history.css';

/** Notes of one chat stay together under its title (a file's notes come chat by chat). */
function byChat(notes: ImportNote[]): { title: string; messages: string[] }[] {
  const groups: { title: string; messages: string[] }[] = [];
  for (const note of notes) {
    const last = groups.at(-1);
    if (last?.title === note.title) last.messages.push(note.message);
    else groups.push({ title: note.title, messages: [note.message] });
  }
  return groups;
}

function Notes({ title, notes }: { title: string; notes: ImportNote[] }) {
  if (notes.length === 0) return null;
  return (
    <section className="dialog__section" aria-label={title}>
      <h3>{title}</h3>
      <ul className="import-report__chats">
        {byChat(notes).map((chat, i) => (
          <li key={i}>
            <strong>{chat.title}</strong>
            {chat.messages.map((message, j) => (
              <p key={j}>{message}</p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What an import left out, chat by chat, when it left anything out. */
export function ImportReportDialog() {
  const { t } = useTranslation('history');
  const report = useStore((s) => s.importReport);
  const close = useStore((s) => s.closeImportReport);
  return (
    <Modal open={report !== null} title={t('report.title')} onClose={close}>
      {report && (
        <div className="import-report">
          <p>{historyNoticeText(importSummary(report))}</p>
          <Notes title={t('report.notImported')} notes={report.notes.filter((n) => n.refused)} />
          <Notes title={t('report.partly')} notes={report.notes.filter((n) => !n.refused)} />
          <div className="import-report__actions">
            <button type="button" className="button button--primary" onClick={close}>
              {t('report.ok')}
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
