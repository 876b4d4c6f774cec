import { useEffect } from 'react';
import { useStore } from '../../store';

/** Follows main's compare events, and loads a chat's waiting compare turn and arena when it opens. */
export function useCompareSync(): void {
  const activeId = useStore((s) => s.activeId);
  useEffect(() => useStore.getState().listenCompare(), []);
  useEffect(() => {
    if (activeId) void useStore.getState().loadCompare(activeId);
  }, [activeId]);
}
