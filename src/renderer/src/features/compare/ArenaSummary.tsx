import type { ArenaSummary as Summary } from '../../../../shared/compare';

const ms = (v: number | null) => (v === null ? '—' : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(1)} s`);
const rate = (v: number | null) => (v === null ? '—' : v.toFixed(v < 10 ? 1 : 0));

/** This chat's compare turns so far: which model's answer was chosen how often, and how fast each was. */
export function ArenaSummary({ summary }: { summary: Summary }) {
  if (summary.turns === 0) return <p className="arena__empty">No compare turns in this chat yet.</p>;
  return (
    <table className="arena">
      <caption>
        Arena: {summary.turns} compare turn{summary.turns === 1 ? '' : 's'}, {summary.decided} with a chosen answer
      </caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Chosen</th>
          <th scope="col">Median first token</th>
          <th scope="col">Median tokens/s</th>
        </tr>
      </thead>
      <tbody>
        {summary.models.map((m) => (
          <tr key={m.model}>
            <th scope="row">{m.model}</th>
            <td>
              {m.chosen} of {m.turns}
            </td>
            <td>{ms(m.medianFirstTokenMs)}</td>
            <td>{rate(m.medianTokensPerSecond)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
