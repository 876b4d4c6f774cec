import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { CompareBar } from './CompareBar';

const NO_MODELS: string[] = [];

/** Connects the compare bar to the store. */
export function CompareBarContainer() {
  const on = useStore((s) => s.compareOn);
  const selected = useStore((s) => s.compareModels);
  const columnParams = useStore((s) => s.compareColumnParams);
  const sharedParams = useStore((s) => s.draft.params);
  const models = useStore(useShallow((s) => s.modelList?.models.map((m) => m.id) ?? NO_MODELS));
  const arena = useStore((s) => (s.activeId ? (s.compareArena[s.activeId] ?? null) : null));
  const waitingRunId = useStore((s) => (s.activeId ? (s.compareWaiting[s.activeId] ?? null) : null));
  const { setCompareOn, toggleCompareModel, setCompareColumnParams } = useStore.getState();
  return (
    <CompareBar
      on={on}
      onToggle={() => setCompareOn(!on)}
      models={models}
      selected={selected}
      onToggleModel={toggleCompareModel}
      columnParams={columnParams}
      sharedParams={sharedParams}
      onColumnParams={setCompareColumnParams}
      arena={arena}
      waitingRunId={waitingRunId}
    />
  );
}
