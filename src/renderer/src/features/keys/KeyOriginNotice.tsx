import { Trans, useTranslation } from 'react-i18next';
import { DEFAULT_BASE_URL } from '../../../../shared/domain';
import { originOf } from '../../../../shared/base-url';
import { useStore } from '../../store';

/** Says so when the key main holds is bound to another server than the one requests go to now. */
export function KeyOriginNotice() {
  const { t } = useTranslation('keys');
  const status = useStore((s) => s.keyStatus);
  const baseUrl = useStore((s) => s.info?.baseUrl ?? DEFAULT_BASE_URL);
  if (!status || status.configured || !status.origin) return null;
  return (
    <p className="notice notice--info" role="note">
      <Trans
        t={t}
        i18nKey="origin"
        values={{ hint: status.hint, origin: status.origin, current: originOf(baseUrl) }}
        components={{ strong: <strong translate="no" />, code: <code /> }}
      />
    </p>
  );
}
