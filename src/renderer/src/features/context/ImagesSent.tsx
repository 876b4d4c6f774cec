import './context.css';

/** Under a message's images: they go with the newest turn only, unless pinned to every request. */
export function ImagesSent({ pinned, onPin }: { pinned: boolean; onPin(pinned: boolean): void }) {
  return (
    <div className="images-sent">
      <span>{pinned ? 'Images sent with every message' : 'Images sent with this turn only'}</span>
      <button type="button" className="text-button" onClick={() => onPin(!pinned)}>
        {pinned ? 'Stop sending' : 'Keep sending'}
      </button>
    </div>
  );
}
