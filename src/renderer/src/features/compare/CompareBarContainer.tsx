import { useStore } from '../../store';
import { usePickerFeed } from '../picker/ModelPickerContainer';
import { CompareBar } from './CompareBar';

/** Connects the compare bar to the store; its model picker is fed like the composer's. */
export function CompareBarContainer() {
  const on = useStore((s) => s.compareOn);
  const selected = useStore((s) => s.compareModels);
  const columnParams = useStore((s) => s.compareColumnParams);
  const sharedParams = useStore((s) => s.draft.params);
  const feed = usePickerFeed();
  const arena = useStore((s) => (s.activeId ? (s.compareArena[s.activeId] ?? null) : null));
  const waitingRunId = useStore((s) => (s.activeId ? (s.compareWaiting[s.activeId] ?? null) : null));
  const { setCompareOn, setCompareModels, setCompareColumnParams } = useStore.getState();
  return (
    <CompareBar
      on={on}
      onToggle={() => setCompareOn(!on)}
      feed={feed}
      selected={selected}
      onModels={setCompareModels}
      columnParams={columnParams}
      sharedParams={sharedParams}
      onColumnParams={setCompareColumnParams}
      arena={arena}
      waitingRunId={waitingRunId}
    />
  );
}
