import { useTranslation } from 'react-i18next';
import type { ArenaSummary as Summary } from '../../../../shared/compare';

/** A number with `digits` decimals in the UI language. */
const fixed = (language: string, value: number, digits: number) =>
  new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** This chat's compare turns so far: which model's answer was chosen how often, and how fast each was. */
export function ArenaSummary({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation(['compare', 'common']);
  const { language } = i18n;
  const ms = (v: number | null) =>
    v === null
      ? '—'
      : v < 1000
        ? t('arena.ms', { value: fixed(language, Math.round(v), 0) })
        : t('arena.s', { value: fixed(language, v / 1000, 1) });
  const rate = (v: number | null) => (v === null ? '—' : fixed(language, v, v < 10 ? 1 : 0));
  if (summary.turns === 0) return <p className="arena__empty">{t('arena.empty')}</p>;
  return (
    <table className="arena">
      <caption>{t('arena.caption', { count: summary.turns, decided: summary.decided })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common:model')}</th>
          <th scope="col">{t('arena.chosen')}</th>
          <th scope="col">{t('arena.firstToken')}</th>
          <th scope="col">{t('arena.rate')}</th>
        </tr>
      </thead>
      <tbody>
        {summary.models.map((m) => (
          <tr key={m.model}>
            <th scope="row">{m.model}</th>
            <td>{t('arena.chosenOf', { chosen: m.chosen, turns: m.turns })}</td>
            <td>{ms(m.medianFirstTokenMs)}</td>
            <td>{rate(m.medianTokensPerSecond)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
