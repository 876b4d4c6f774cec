import { i18n } from '../../i18n';
import type { HistoryNotice } from '../../store/history-slice';

/** A history notice in the language shown now; called at render time, so a language change rewords it. */
export function historyNoticeText(notice: HistoryNotice): string {
  switch (notice.kind) {
    case 'saved':
      return i18n.t('history:toast.saved', { path: notice.path });
    case 'backup':
      return i18n.t('history:toast.backupSaved', { path: notice.path });
    case 'imported': {
      const chats = i18n.t('history:summary.chats', { count: notice.conversations });
      const messages = i18n.t('history:summary.messages', { count: notice.messages });
      return notice.skipped
        ? i18n.t('history:summary.importedSkipped', { chats, messages, skipped: notice.skipped })
        : i18n.t('history:summary.imported', { chats, messages });
    }
  }
}
