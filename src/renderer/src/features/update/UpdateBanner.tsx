import type { UpdateReady } from '../../../../shared/contract';
import './update-banner.css';

/** A quiet notice in the corner: the update installs now on Restart, or by itself at the next quit. */
export function UpdateBanner({
  update,
  onRestart,
  onLater,
}: {
  update: UpdateReady;
  onRestart: () => void;
  onLater: () => void;
}) {
  return (
    <div className="update-banner" role="status" aria-label="Update ready">
      <p className="update-banner__text">
        ModelsLab Chat {update.version} is ready. It installs when you restart or quit.
      </p>
      <div className="update-banner__actions">
        <button type="button" className="update-banner__later" onClick={onLater}>
          Later
        </button>
        <button type="button" className="update-banner__restart" onClick={onRestart}>
          Restart to update
        </button>
      </div>
    </div>
  );
}
