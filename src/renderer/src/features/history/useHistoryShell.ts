import { useEffect } from 'react';
import { useStore } from '../../store';

/** Loads history at start (main.tsx loads the settings before the first paint) and follows the network state. */
export function useHistoryShell(): void {
  useEffect(() => {
    const s = useStore.getState();
    void s.checkHistory();
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
