import { useEffect } from 'react';
import { useStore } from '../../store';

/** Loads history and settings at start and follows the network state. */
export function useHistoryShell(): void {
  useEffect(() => {
    const s = useStore.getState();
    void s.checkHistory();
    void s.loadSettings();
    s.setOnline(navigator.onLine);
    const online = () => useStore.getState().setOnline(true);
    const offline = () => useStore.getState().setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, []);
}

export const OFFLINE =
  'You are offline. Your chats stay readable, searchable and exportable; sending needs a connection.';
