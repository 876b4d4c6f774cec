import { afterEach, expect, it } from 'vitest';
import { applyLanguage } from '../../i18n';
import { historyNoticeText } from './history-notice';

afterEach(() => applyLanguage('en'));

const imported = (conversations: number, messages: number, skipped = 0) =>
  historyNoticeText({ kind: 'imported', conversations, messages, skipped });

it('counts an import in whole sentences, with each language’s plural forms and numbers', async () => {
  expect(imported(1, 2)).toBe('Imported 1 chat with 2 messages.');
  expect(imported(2, 1, 1)).toBe('Imported 2 chats with 1 message; 1 already here, left as they were.');
  expect(imported(3, 12345)).toBe('Imported 3 chats with 12,345 messages.');
  expect(historyNoticeText({ kind: 'saved', path: '/tmp/a.md' })).toBe('Saved to /tmp/a.md');
  expect(historyNoticeText({ kind: 'backup', path: '/tmp/b.zip' })).toBe('Backup saved to /tmp/b.zip');
  await applyLanguage('ar');
  expect(imported(2, 1)).toBe('تم استيراد محادثتين تضم رسالة واحدة.');
  await applyLanguage('es');
  expect(imported(1, 12345)).toBe('Importado: 1 chat con 12.345 mensajes.');
});
