import { useStore } from '../../store';
import { Icon } from '../../ui/Icon';

/** Problems with the files history and settings live in, each said once, with what the user can do. */
export function HistoryBanner() {
  const status = useStore((s) => s.historyStatus);
  const settingsNotice = useStore((s) => s.settingsNotice);
  const { startFreshHistory, dismissSettingsNotice } = useStore.getState();
  const problem = status?.problem;
  if (!problem && !settingsNotice && !status?.keptAt) return null;
  return (
    <div className="banner-stack">
      {problem?.code === 'history_engine_unavailable' && (
        <div className="banner banner--danger" role="alert">
          <div>
            <strong>History could not be loaded on this system: </strong>
            {problem.message}
            <p>
              Chats cannot be opened or saved here. Your history file at <code>{problem.path}</code> has not been opened
              or changed: a build of the app made for this system will open it.
            </p>
          </div>
        </div>
      )}
      {problem?.code === 'history_unavailable' && (
        <div className="banner banner--danger" role="alert">
          <div>
            <strong>Your chat history could not be opened.</strong>
            <p>
              The file is kept as it is at <code>{problem.path}</code> ({problem.message}). Nothing has been deleted.
              You can start a new, empty history; the old file stays on disk under a new name.
            </p>
          </div>
          <button type="button" className="banner__action" onClick={() => void startFreshHistory()}>
            Start a new history
          </button>
        </div>
      )}
      {!problem && status?.keptAt && (
        <div className="banner" role="status">
          A new history was started. The old file is kept at <code>{status.keptAt}</code>.
        </div>
      )}
      {settingsNotice && (
        <div className="banner" role="status">
          <p>{settingsNotice}</p>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissSettingsNotice}>
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}
