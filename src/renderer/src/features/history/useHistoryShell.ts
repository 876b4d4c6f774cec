import { useEffect } from 'react';
import { useStore } from '../../store';

/** Loads history and settings at start, follows the network state, and binds Ctrl/Cmd+N and Ctrl/Cmd+K. */
export function useHistoryShell(): void {
  useEffect(() => {
    const s = useStore.getState();
    void s.checkHistory();
    void s.loadSettings();
    const online = () => useStore.getState().setOnline(true);
    const offline = () => useStore.getState().setOnline(false);
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'n') useStore.getState().newChat();
      else if (key === 'k') useStore.getState().openSearch();
      else return;
      event.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}

export const OFFLINE =
  'You are offline. Your chats stay readable, searchable and exportable; sending needs a connection.';
