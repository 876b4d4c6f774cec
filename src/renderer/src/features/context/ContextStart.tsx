import './context.css';

/** In the thread, above the first message the next request would carry. */
export function ContextStart({ notSent }: { notSent: number }) {
  const count = notSent === 1 ? '1 earlier message is' : `${notSent.toLocaleString('en')} earlier messages are`;
  return (
    <div className="context-start" role="note">
      <span>{count} not sent: the model’s context has no room for them.</span>
    </div>
  );
}
