import { DEFAULT_BASE_URL } from '../../../../shared/domain';
import { originOf } from '../../../../shared/base-url';
import { useStore } from '../../store';

/** Says so when the key main holds is bound to another server than the one requests go to now. */
export function KeyOriginNotice() {
  const status = useStore((s) => s.keyStatus);
  const baseUrl = useStore((s) => s.info?.baseUrl ?? DEFAULT_BASE_URL);
  if (!status || status.configured || !status.origin) return null;
  return (
    <p className="notice notice--info" role="note">
      The key ending in <strong>{status.hint}</strong> is only ever sent to <code>{status.origin}</code>, and requests
      now go to <code>{originOf(baseUrl)}</code>. Enter a key for this server, or change the address back under
      Connection.
    </p>
  );
}
