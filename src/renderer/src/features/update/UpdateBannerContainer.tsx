import { useStore } from '../../store';
import { UpdateBanner } from './UpdateBanner';

export function UpdateBannerContainer() {
  const update = useStore((s) => s.update);
  if (!update) return null;
  const { restartToUpdate, setUpdate } = useStore.getState();
  return <UpdateBanner update={update} onRestart={() => void restartToUpdate()} onLater={() => setUpdate(null)} />;
}
