import './context.css';

/** Under a message's images and documents: they go with the newest turn only, unless pinned to every request. */
export function ImagesSent({
  pinned,
  onPin,
  what = 'Images',
}: {
  pinned: boolean;
  onPin(pinned: boolean): void;
  what?: 'Images' | 'Documents' | 'Images and documents';
}) {
  return (
    <div className="images-sent">
      <span>{pinned ? `${what} sent with every message` : `${what} sent with this turn only`}</span>
      <button type="button" className="text-button" onClick={() => onPin(!pinned)}>
        {pinned ? 'Stop sending' : 'Keep sending'}
      </button>
    </div>
  );
}
