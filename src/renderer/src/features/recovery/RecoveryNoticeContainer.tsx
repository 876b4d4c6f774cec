import { useStore } from '../../store';
import { RecoveryNotice } from './RecoveryNotice';

export function RecoveryNoticeContainer() {
  const crash = useStore((s) => s.crashNotice);
  const activeId = useStore((s) => s.activeId);
  const plainText = useStore((s) => (s.activeId ? s.plainText[s.activeId] === true : false));
  const { dismissCrash, setPlainText } = useStore.getState();
  return (
    <RecoveryNotice
      crash={crash}
      plainText={plainText}
      onShowFormatting={() => activeId && setPlainText(activeId, false)}
      onDismiss={dismissCrash}
    />
  );
}
